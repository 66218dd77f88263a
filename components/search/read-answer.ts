/** A route's JSON answer, or throws its error's i18n key under `errors.` ("internal" when there is none). */
export async function readAnswer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as (T & { ok?: false; error?: { message: string } }) | null;
  if (!res.ok || !body || body.ok === false) throw new Error(body?.error?.message ?? "internal");
  return body;
}
