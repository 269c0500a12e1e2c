/** The start page of users without the analyst role: what their roles open, one line each. */
import { useMe } from "../auth";
import { Link } from "../router";
import type { NavItem } from "../routes";

export function HomePage({ items }: { items: NavItem[] }) {
  const me = useMe();
  return (
    <section>
      <h1>Welcome, {me.username}</h1>
      <p className="lede">
        {me.orgName} · your roles: {me.roles.length ? me.roles.join(", ") : "none"}
      </p>
      {items.length === 0 ? (
        <p className="empty">Your account has no roles yet. Ask your organization’s admin for the ones you need.</p>
      ) : (
        <ul className="home-list">
          {items.map((n) => (
            <li key={n.to} className="card">
              <Link to={n.to} className="case-title">
                {n.label}
              </Link>
              <p className="muted small">{n.about}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
