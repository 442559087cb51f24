// Same-origin JSON calls with the session cookie. Writes carry the page header: a cookie alone
// never authorises a write, so another site's form cannot decide for a signed-in recruiter.
export async function api(path, options = {}) {
  const res = await fetch(path, {
    ...options,
    credentials: "same-origin",
    headers: { accept: "application/json", ...(options.body ? { "content-type": "application/json", "x-shortlist-page": "1" } : {}) },
  });
  if (res.status === 401) location.reload(); // session gone: the server answers with the sign-in form
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message ?? `request failed (${res.status})`);
  return body;
}

export async function signOut() {
  await fetch("/session", { method: "DELETE" });
  location.href = "/";
}
