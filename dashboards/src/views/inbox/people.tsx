import { createContext, useContext } from 'react';
import type { Translate } from '../../i18n.ts';

/** Names of users by id: the assignee list (enabled users who may work cases, `GET /assignees`). */
export interface People {
  me: number;
  names: Map<number, string>;
}

export const PeopleContext = createContext<People>({ me: 0, names: new Map() });

/** A readable name for a user id: me, a known name, or `#id`. */
export function useNameOf(t: Translate): (id: number | string | null | undefined) => string {
  const { me, names } = useContext(PeopleContext);
  return (id) => {
    if (id === null || id === undefined || id === '') return t('inbox.unassigned');
    const n = Number(id);
    if (n === me) return t('inbox.me');
    return names.get(n) ?? `#${id}`;
  };
}
