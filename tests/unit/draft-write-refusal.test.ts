/**
 * Who may save and commit in the article workspace (issue #17): a viewer in accounts mode is told
 * before trying, in the role the draft endpoints need; an editor, an admin and token mode are not;
 * a 403 naming the role needed becomes the same refusal, any other failure does not.
 */
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../client/src/api/api-request-error";
import { draftWriteRefusal, refusalOf } from "../../client/src/sources/intake/write-refusal";

const signedIn = (role: "viewer" | "editor" | "admin") =>
  ({ mode: "accounts", oidc: false, user: { name: "v.viewer", role, mustChangePassword: false } }) as never;

describe("draftWriteRefusal", () => {
  it("tells a viewer that saving and committing need the editor role, naming them", () => {
    const refusal = draftWriteRefusal(signedIn("viewer"));
    expect(refusal?.short).toBe("needs the editor role");
    expect(refusal?.message).toMatch(
      /^Saving drafts and committing claims need the editor role; v\.viewer is a viewer\./,
    );
  });

  it("lets editors and admins write, and leaves token mode and an unknown user to the server", () => {
    expect(draftWriteRefusal(signedIn("editor"))).toBeNull();
    expect(draftWriteRefusal(signedIn("admin"))).toBeNull();
    expect(draftWriteRefusal({ mode: "token", oidc: false, user: null })).toBeNull();
    expect(draftWriteRefusal(null)).toBeNull();
  });
});

describe("refusalOf", () => {
  it("reads a 403 that names the role needed as a refusal", () => {
    const error = new ApiRequestError(
      "WRITE_FORBIDDEN",
      "This needs the editor role; v.viewer is a viewer.",
      false,
      403,
      {
        needed: "editor",
        role: "viewer",
      },
    );
    expect(refusalOf(error)).toEqual({
      message:
        "This needs the editor role; v.viewer is a viewer. Nothing was saved: the text stays only while this page is open.",
      short: "needs the editor role",
    });
  });

  it("leaves other failures alone: a CSRF 403, a conflict, a network error", () => {
    expect(refusalOf(new ApiRequestError("WRITE_FORBIDDEN", "no CSRF token", false, 403))).toBeNull();
    expect(refusalOf(new ApiRequestError("CONFLICT", "newer draft", false, 409, { needed: "editor" }))).toBeNull();
    expect(refusalOf(new Error("offline"))).toBeNull();
  });
});
