import { createContext, useContext } from 'react';
import type { Me } from '../shared/api/types';

export interface Session {
  me: Me | null;
  /** Load the caller again (after login or signup). */
  reload: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session>({
  me: null,
  reload: async () => null,
  signOut: async () => {},
});

export function useSession(): Session {
  return useContext(SessionContext);
}
