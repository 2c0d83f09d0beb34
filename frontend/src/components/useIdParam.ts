import { useParams } from 'react-router';

/** The numeric :id of the route, or null on a "new" page or a malformed id. */
export function useIdParam(): number | null {
  const { id } = useParams();
  if (!id) return null;
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}
