/** A table of networks: id, size, active period, risk. */
import type { NetworkSummary } from "@shared/api-types";
import { Link } from "../router";
import { RiskBadge } from "./risk";
import { dateRange, num } from "../format";
import { ScrollBox } from "./scroll-box";

export function NetworkTable({ items, caption }: { items: NetworkSummary[]; caption: string }) {
  if (items.length === 0) return <p className="empty">No networks yet — run the link stage.</p>;
  return (
    <ScrollBox label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col" className="num">Ads</th>
            <th scope="col">Active</th>
            <th scope="col">Risk</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td>
                <Link to={`/networks/${encodeURIComponent(n.id)}`}>{n.id}</Link>
              </td>
              <td className="num">{num(n.size)}</td>
              <td>{dateRange(n.firstPosted, n.lastPosted)}</td>
              <td>
                <RiskBadge risk={n.risk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
