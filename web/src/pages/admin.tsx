/** Administration of the signed-in admin's organization: users and their roles, API tokens. */
import { useMe } from "../auth";
import { AdminTokens } from "../components/admin-tokens";
import { AdminUsers } from "../components/admin-users";

export function AdminPage() {
  const me = useMe();
  return (
    <section>
      <h1>Admin</h1>
      <p className="lede">
        Users, roles and API tokens of {me.orgName}. Every change is recorded in the audit log.
      </p>
      <AdminUsers />
      <AdminTokens />
    </section>
  );
}
