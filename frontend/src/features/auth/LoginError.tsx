// The login page's error (a wrong password, too many attempts, no connection): antd's Alert, in a
// chunk of its own that loads with the first error, since most logins show none.
import { Alert } from 'antd';

export default function LoginError({ message }: { message: string }) {
  return <Alert type="error" title={message} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />;
}
