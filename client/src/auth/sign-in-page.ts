import "../styles/tokens.css";
import "../styles/auth.css";
import "../styles/visually-hidden.css";
import { createAccountsClient } from "../api/accounts-client";
import { ApiRequestError } from "../api/api-request-error";
import { safeNext } from "./safe-next";

// The sign-in page (sign-in.html): name and password, then a new password when the one used was a one-time one.
const accounts = createAccountsClient();
const next = safeNext(window.location.search);

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from sign-in.html`);
  return element as T;
}

const signInForm = byId<HTMLFormElement>("sign-in-form");
const nameInput = byId<HTMLInputElement>("sign-in-name");
const passwordInput = byId<HTMLInputElement>("sign-in-password");
const signInError = byId("sign-in-error");
const newPasswordForm = byId<HTMLFormElement>("new-password-form");
const newPassword = byId<HTMLInputElement>("new-password");
const newPasswordAgain = byId<HTMLInputElement>("new-password-again");
const newPasswordError = byId("new-password-error");
const title = byId("auth-title");

const messageOf = (error: unknown): string =>
  error instanceof ApiRequestError ? error.message : "Something went wrong; try again.";

function busy(form: HTMLFormElement, on: boolean): void {
  for (const button of form.querySelectorAll("button")) button.disabled = on;
  form.setAttribute("aria-busy", String(on));
}

function askNewPassword(): void {
  signInForm.hidden = true;
  newPasswordForm.hidden = false;
  title.textContent = "Choose a new password";
  newPassword.focus();
}

signInForm.addEventListener("submit", (event) => {
  event.preventDefault();
  signInError.textContent = "";
  const name = nameInput.value.trim();
  if (!name || !passwordInput.value) {
    signInError.textContent = "Enter your name and password.";
    (name ? passwordInput : nameInput).focus();
    return;
  }
  busy(signInForm, true);
  accounts
    .signIn(name, passwordInput.value)
    .then((user) => {
      if (user.mustChangePassword) askNewPassword();
      else window.location.assign(next);
    })
    .catch((error: unknown) => {
      signInError.textContent = messageOf(error);
      passwordInput.select();
      passwordInput.focus();
    })
    .finally(() => busy(signInForm, false));
});

newPasswordForm.addEventListener("submit", (event) => {
  event.preventDefault();
  newPasswordError.textContent = "";
  if (newPassword.value.length < 12) {
    newPasswordError.textContent = "The new password needs 12 characters or more.";
    newPassword.focus();
    return;
  }
  if (newPassword.value !== newPasswordAgain.value) {
    newPasswordError.textContent = "The two passwords differ.";
    newPasswordAgain.focus();
    return;
  }
  busy(newPasswordForm, true);
  accounts
    .changePassword(passwordInput.value, newPassword.value)
    .then(() => window.location.assign(next))
    .catch((error: unknown) => {
      newPasswordError.textContent = messageOf(error);
    })
    .finally(() => busy(newPasswordForm, false));
});

// The one thing to do on this page: start typing the name.
nameInput.focus();
// Sent back by the server with a reason (single sign-on refused): said where errors go.
const reason = new URLSearchParams(window.location.search).get("error");
if (reason) signInError.textContent = `Single sign-on was refused: ${reason.slice(0, 300)}`;

// Already signed in (a bookmark of this page), or no accounts here: go on.
void accounts
  .me()
  .then(({ mode, user, oidc }) => {
    if (mode === "token" || (user && !user.mustChangePassword)) window.location.replace(next);
    if (oidc) {
      byId<HTMLAnchorElement>("sso-link").href = `/api/auth/oidc/start?next=${encodeURIComponent(next)}`;
      byId("sso").hidden = false;
    }
  })
  .catch(() => undefined);
