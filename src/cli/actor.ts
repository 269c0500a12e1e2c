/** Who the CLI acts as in the audit log: the operating-system user running it (the hub operator). */
import { userInfo } from "node:os";

export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli:unknown";
  }
}
