import type { WhoAmI } from "../../../contract/auth-endpoints";
import type { AccountsClient } from "../api/accounts-client";
import { el } from "../dom/el";

/**
 * The account menu at the end of the top bar, in accounts mode only: who is signed in and with
 * which role, the account page (API keys, password; users and the audit trail for admins), sign
 * out here or everywhere. In token mode there is nobody to show, and nothing is added.
 */
export async function createAccountMenu(
  host: HTMLElement,
  accounts: AccountsClient,
  /** Who is signed in, when the page asked already. */
  who: Promise<WhoAmI | null> = accounts.me().catch(() => null),
): Promise<void> {
  const { mode, user } = (await who) ?? { mode: "token" as const, user: null };
  if (mode !== "accounts" || !user) return;
  const list = el("div", { class: "account-menu-list", id: "account-menu-list", role: "menu", hidden: true });
  const toggle = el(
    "button",
    {
      type: "button",
      class: "button",
      "data-testid": "account-menu-button",
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": "account-menu-list",
      title: `Signed in as ${user.name} (${user.role})`,
    },
    user.name,
  );
  const close = () => {
    list.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
  };
  const toSignIn = () => window.location.assign("/sign-in.html");
  const item = (label: string, testId: string, run: () => Promise<void>) => {
    const node = el("button", { type: "button", role: "menuitem", "data-testid": testId }, label);
    node.addEventListener("click", () => void run().finally(toSignIn));
    return node;
  };
  list.append(
    el("div", { class: "account-menu-role" }, `${user.name} · ${user.role}`),
    el(
      "a",
      { href: "/admin.html", role: "menuitem", "data-testid": "account-page-link" },
      user.role === "admin" ? "Users, audit trail and API keys" : "API keys and password",
    ),
    item("Sign out", "sign-out", () => accounts.signOut()),
    item("Sign out everywhere", "sign-out-everywhere", () => accounts.signOutEverywhere()),
  );
  toggle.addEventListener("click", () => {
    const open = list.hidden;
    list.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) list.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !list.hidden) {
      close();
      toggle.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!list.hidden && !menu.contains(event.target as Node)) close();
  });
  const menu = el("div", { class: "account-menu" }, toggle, list);
  host.append(menu);
}
