import { api, signOut } from "/ui/assets/api.js";

document.getElementById("signout").addEventListener("click", signOut);
try {
  const { postings } = await api("/postings");
  const list = document.getElementById("postings");
  if (postings.length === 0) list.textContent = "No postings are assigned to this token.";
  for (const p of postings) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `/ui/postings/${encodeURIComponent(p.id)}`;
    a.textContent = p.title;
    const meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = ` ${p.id} · ${p.status}`;
    li.append(a, meta);
    list.append(li);
  }
} catch (e) {
  document.getElementById("error").textContent = e.message;
}
