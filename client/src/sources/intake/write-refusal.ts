import type { WhoAmI } from "../../../../contract/auth-endpoints";
import { draftEndpoints } from "../../../../contract/draft-endpoints";
import { endpointAccess, ROLES, type Role, roleAtLeast } from "../../../../contract/endpoint";
import { ApiRequestError } from "../../api/api-request-error";

/** Why the article workspace may not save drafts or commit them for this user. */
export interface WriteRefusal {
  /** The whole reason, for the notice at the top of the workspace. */
  message: string;
  /** A few words for a button or the save line: "needs the editor role". */
  short: string;
}

/** The role saving a draft and committing it need (the higher of the two endpoints' access). */
function neededRole(): Role {
  const roles = [endpointAccess(draftEndpoints.put), endpointAccess(draftEndpoints.commit)].filter(
    (access): access is Role => access !== "public",
  );
  return roles.reduce<Role>((high, role) => (roleAtLeast(role, high) ? role : high), ROLES[0]);
}

const article = (role: Role) => (role === "admin" ? "an" : "a");

/**
 * What the signed-in user may not do in the workspace, known before they try: a viewer in accounts
 * mode reads proposals but saves and commits nothing. Null when they may, or in token mode and when
 * nobody could be asked (the server decides there, and a refusal then comes as a 403).
 */
export function draftWriteRefusal(who: WhoAmI | null): WriteRefusal | null {
  if (who?.mode !== "accounts" || !who.user) return null;
  const needed = neededRole();
  const { name, role } = who.user;
  if (roleAtLeast(role, needed)) return null;
  return {
    message:
      `Saving drafts and committing claims need the ${needed} role; ${name} is ${article(role)} ${role}. ` +
      `You can read an article's proposals here, but nothing is saved: the text stays only while this page is open. ` +
      `An admin can give you the ${needed} role.`,
    short: `needs the ${needed} role`,
  };
}

/** The same from a request the server refused for the role (403 with the role it needs); null for any other failure. */
export function refusalOf(error: unknown): WriteRefusal | null {
  if (!(error instanceof ApiRequestError) || error.status !== 403) return null;
  const details = error.details as { needed?: unknown } | undefined;
  const needed = typeof details?.needed === "string" ? details.needed : null;
  if (!needed) return null;
  return {
    message: `${error.message} Nothing was saved: the text stays only while this page is open.`,
    short: `needs the ${needed} role`,
  };
}
