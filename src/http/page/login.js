// Turns a token into the page's HttpOnly session cookie, then reloads the page that asked for it.
const form = document.getElementById("login");
const error = document.getElementById("login-error");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.textContent = "";
  const token = document.getElementById("token").value.trim();
  const res = await fetch("/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
  if (res.ok) return location.reload();
  const body = await res.json().catch(() => ({}));
  error.textContent = body.message ?? `sign-in failed (${res.status})`;
});
