import { initials } from "@/lib/core/compare";
import s from "./compare.module.css";

export interface AvatarUser {
  id: string;
  name: string;
  color: string;
}

/** Round initials in each person's presence colour; the full name is the tooltip and the label. */
export function Avatars({ users, label, max = 5, testId }: { users: AvatarUser[]; label: string; max?: number; testId?: string }) {
  const shown = users.slice(0, max);
  return (
    <ul className={s.avatars} aria-label={label} data-testid={testId}>
      {shown.map((u) => (
        <li key={u.id} className={s.avatar} style={{ background: u.color }} title={u.name} aria-label={u.name} data-user={u.id}>
          {initials(u.name)}
        </li>
      ))}
      {users.length > max && <li className={`${s.avatar} ${s.more}`}>+{users.length - max}</li>}
    </ul>
  );
}
