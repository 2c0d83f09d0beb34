// The phones' menu (AppLayout on narrow screens): antd's Drawer, in a chunk of its own that loads on
// the first tap of the menu button, since wide screens never show it.
import type { ReactNode } from 'react';
import { Drawer } from 'antd';

export default function MenuDrawer({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode }) {
  return (
    <Drawer placement="left" open={open} onClose={onClose} size={260} title={title} styles={{ body: { padding: 0 } }}>
      {children}
    </Drawer>
  );
}
