import "../styles/tokens.css";
import "../styles/auth.css";
import "../styles/visually-hidden.css";
import type { AuditQuery, SignedInUser } from "../../../contract/auth-endpoints";
import { ROLES, type Role } from "../../../contract/endpoint";
import { createAccountsClient } from "../api/accounts-client";
import { ApiRequestError } from "../api/api-request-error";
import { el } from "../dom/el";

// The account page (admin.html): the user's API keys and password; for admins, users and the audit trail.
const accounts = createAccountsClient();

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from admin.html`);
  return element as T;
}

const main = byId("account-main");
const messageOf = (error: unknown): string =>
  error instanceof ApiRequestError ? error.message : "Something went wrong; try again.";

/** A section with a heading and an error line; `run` reports a failure there instead of throwing. */
function section(title: string, testId: string) {
  const error = el("p", { class: "account-error", role: "alert" });
  const body = el("div");
  const headingId = `${testId}-title`;
  const root = el(
    "section",
    { class: "account-section", "data-testid": testId, "aria-labelledby": headingId },
    el("h2", { id: headingId }, title),
    body,
    error,
  );
  main.append(root);
  const run = async (work: () => Promise<void>) => {
    error.textContent = "";
    try {
      await work();
    } catch (failure) {
      error.textContent = messageOf(failure);
    }
  };
  return { body, run };
}

function table(headers: readonly string[], rows: HTMLTableRowElement[], caption: string): HTMLElement {
  return el(
    "div",
    { class: "account-table-wrap" },
    el(
      "table",
      { class: "account-table" },
      el("caption", { class: "visually-hidden" }, caption),
      el("thead", {}, el("tr", {}, ...headers.map((header) => el("th", { scope: "col" }, header)))),
      el("tbody", {}, ...rows),
    ),
  );
}

const button = (label: string, onClick: () => void, kind = "account-button-quiet", testId?: string) => {
  const node = el("button", { type: "button", class: `account-button ${kind}`, "data-testid": testId }, label);
  node.addEventListener("click", onClick);
  return node;
};

const day = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) : "never");

function secretNotice(what: string, secret: string): HTMLElement {
  return el("p", { class: "account-secret", "data-testid": "account-secret" }, what, el("code", {}, secret));
}

function keysSection(): void {
  const { body, run } = section("Your API keys", "keys-section");
  const label = el("input", {
    id: "key-label",
    maxlength: 100,
    "data-testid": "key-label",
    placeholder: "nightly import",
  });
  const shown = el("div");
  const list = el("div");
  const refresh = () =>
    run(async () => {
      const keys = await accounts.listKeys();
      const rows = keys.map((key) =>
        el(
          "tr",
          {},
          el("td", {}, key.label),
          el("td", { class: "account-when" }, day(key.createdAt)),
          el("td", { class: "account-when" }, day(key.lastUsedAt)),
          el(
            "td",
            {},
            button("Revoke", () => void run(() => accounts.revokeKey(key.id).then(refresh)), "account-button-danger"),
          ),
        ),
      );
      list.replaceChildren(
        keys.length === 0
          ? el(
              "p",
              { class: "account-empty" },
              "No keys yet. A key acts with your role; scripts send it as Authorization: Bearer.",
            )
          : table(["Label", "Created", "Last used", ""], rows, "Your API keys"),
      );
    });
  const create = () =>
    run(async () => {
      if (!label.value.trim()) throw new ApiRequestError("VALIDATION", "Give the key a label.", false, 400);
      const { secret } = await accounts.createKey(label.value.trim());
      label.value = "";
      shown.replaceChildren(secretNotice("Copy this key now: it is not shown again.", secret));
      await refresh();
    });
  body.append(
    el(
      "div",
      { class: "account-row" },
      el("label", { class: "account-field", for: "key-label" }, "Label", label),
      button("Create key", () => void create(), "", "create-key"),
    ),
    shown,
    list,
  );
  void refresh();
}

function passwordSection(): void {
  const { body, run } = section("Your password", "password-section");
  const current = el("input", { id: "pw-current", type: "password", autocomplete: "current-password" });
  const next = el("input", { id: "pw-new", type: "password", autocomplete: "new-password", minlength: 12 });
  const done = el("p", { role: "status" });
  const save = () =>
    run(async () => {
      done.textContent = "";
      await accounts.changePassword(current.value, next.value);
      current.value = "";
      next.value = "";
      done.textContent = "Password changed; your other sessions are signed out.";
    });
  body.append(
    el(
      "div",
      { class: "account-row" },
      el("label", { class: "account-field", for: "pw-current" }, "Current password", current),
      el("label", { class: "account-field", for: "pw-new" }, "New password (12+ characters)", next),
      button("Change password", () => void save(), ""),
      button(
        "Sign out everywhere",
        () => void run(() => accounts.signOutEverywhere().then(toSignIn)),
        "account-button-danger",
      ),
    ),
    done,
  );
}

function roleSelect(id: string, value: Role, label: string): HTMLSelectElement {
  const select = el("select", { id, "aria-label": label });
  for (const role of ROLES) select.append(el("option", { value: role, selected: role === value }, role));
  return select;
}

function usersSection(me: SignedInUser): void {
  const { body, run } = section("Users", "users-section");
  const name = el("input", { id: "new-user-name", maxlength: 64, autocomplete: "off", "data-testid": "new-user-name" });
  const role = roleSelect("new-user-role", "editor", "Role of the new user");
  const shown = el("div");
  const list = el("div");
  const refresh = () =>
    run(async () => {
      const users = await accounts.listUsers();
      const rows = users.map((user) => {
        const select = roleSelect(`role-${user.name}`, user.role, `Role of ${user.name}`);
        select.addEventListener(
          "change",
          () => void run(() => accounts.setRole(user.name, select.value as Role).then(refresh)),
        );
        const reset = () =>
          run(async () => {
            const { oneTimePassword } = await accounts.resetPassword(user.name);
            shown.replaceChildren(
              secretNotice(`One-time password of ${user.name} (changed at first sign-in):`, oneTimePassword),
            );
            await refresh();
          });
        const remove = () => {
          if (!window.confirm(`Remove ${user.name}? Their sessions and API keys end.`)) return;
          void run(() => accounts.removeUser(user.name).then(refresh));
        };
        return el(
          "tr",
          { "data-user": user.name },
          el("td", {}, user.name, user.name === me.name ? " (you)" : ""),
          el("td", {}, select),
          el("td", {}, user.mustChangePassword ? "one-time password" : "set"),
          el("td", { class: "account-when" }, day(user.createdAt)),
          el("td", {}, user.createdBy),
          el(
            "td",
            {},
            button("Reset password", () => void reset()),
            " ",
            button("Remove", remove, "account-button-danger"),
          ),
        );
      });
      list.replaceChildren(table(["Name", "Role", "Password", "Created", "By", ""], rows, "Users"));
    });
  const add = () =>
    run(async () => {
      const { user, oneTimePassword } = await accounts.createUser(name.value.trim(), role.value as Role);
      name.value = "";
      shown.replaceChildren(
        secretNotice(`One-time password of ${user.name}, to hand over (changed at first sign-in):`, oneTimePassword),
      );
      await refresh();
    });
  body.append(
    el(
      "div",
      { class: "account-row" },
      el("label", { class: "account-field", for: "new-user-name" }, "Name", name),
      el("label", { class: "account-field", for: "new-user-role" }, "Role", role),
      button("Add user", () => void add(), "", "add-user"),
    ),
    shown,
    list,
  );
  void refresh();
}

function auditSection(): void {
  const { body, run } = section("Audit trail", "audit-section");
  const field = (id: string, label: string, type = "text") => {
    const input = el("input", { id, type, "data-testid": id });
    return { input, node: el("label", { class: "account-field", for: id }, label, input) };
  };
  const actor = field("audit-actor", "Who");
  const action = field("audit-action", "Action");
  const from = field("audit-from", "From", "date");
  const to = field("audit-to", "To", "date");
  const csv = el(
    "a",
    { class: "account-button account-button-quiet", "data-testid": "audit-csv", download: "audit-trail.csv" },
    "Export CSV",
  );
  csv.style.display = "inline-flex";
  csv.style.alignItems = "center";
  csv.style.textDecoration = "none";
  const list = el("div");
  const query = (): Partial<AuditQuery> => ({
    actor: actor.input.value.trim(),
    action: action.input.value.trim(),
    from: from.input.value,
    to: to.input.value,
    limit: 500,
  });
  const refresh = () =>
    run(async () => {
      csv.setAttribute("href", accounts.auditCsvUrl(query()));
      const events = await accounts.audit(query());
      const rows = events.map((event) =>
        el(
          "tr",
          {},
          el("td", { class: "account-when" }, day(event.at)),
          el("td", {}, event.actor),
          el("td", { class: "account-address" }, event.address),
          el("td", {}, event.action),
          el("td", {}, event.status),
          el("td", {}, event.summary),
        ),
      );
      list.replaceChildren(
        events.length === 0
          ? el("p", { class: "account-empty" }, "No event matches.")
          : table(["When (UTC)", "Who", "From", "Action", "Status", "What"], rows, "Audit trail, newest first"),
      );
    });
  const form = el(
    "form",
    { class: "account-row" },
    actor.node,
    action.node,
    from.node,
    to.node,
    el("button", { type: "submit", class: "account-button" }, "Filter"),
    csv,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void refresh();
  });
  body.append(form, list);
  void refresh();
}

function toSignIn(): void {
  window.location.assign(`/sign-in.html?next=${encodeURIComponent("/admin.html")}`);
}

byId("account-sign-out").addEventListener("click", () => {
  void accounts.signOut().finally(toSignIn);
});

void (async () => {
  const { mode, user } = await accounts.me();
  if (mode === "token") {
    main.append(el("p", {}, "This server runs in token mode (APP_TOKEN): it has no accounts."));
    return;
  }
  if (!user || user.mustChangePassword) return toSignIn();
  byId("account-who").textContent = `${user.name} · ${user.role}`;
  byId("account-title").textContent = user.role === "admin" ? "Administration" : "Account";
  if (user.role === "admin") {
    usersSection(user);
    auditSection();
  }
  keysSection();
  passwordSection();
})();
