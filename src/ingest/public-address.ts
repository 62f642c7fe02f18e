import { BlockList, isIPv4 } from "node:net";

// Addresses a link must never reach: this machine, the local networks, and ranges that are
// not the public internet. A page could otherwise make the bot read an internal service.
// BlockList judges an IPv4 address written as IPv6 (::ffff:10.0.0.1) by its IPv4 rules.
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, "ipv6");

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Why an address may not be fetched, or undefined when it may; loopback only when the tests allow it. */
export function addressProblem(address: string, allowLoopback: boolean): string | undefined {
  const family = isIPv4(address) ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, family))
    return allowLoopback ? undefined : "alamat komputer ini sendiri";
  if (NOT_PUBLIC.check(address, family)) return "alamat jaringan lokal atau privat";
  return undefined;
}
