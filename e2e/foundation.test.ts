import { describe, expect, it } from "vitest";
import { newPerson, register, signIn, uniqueEmail, sharedBrowser } from "./support/browser";

const browser = sharedBrowser();

const PASSWORD = "correct horse battery staple";

describe("accounts, workspaces and invitations", () => {
  it("register → workspace → invite a viewer → viewer is limited → owner promotes → sign out/in → language switch", async () => {
    const owner = await newPerson(browser());
    const ownerEmail = uniqueEmail("owner");
    await register(owner.page, "オーナー 太郎", ownerEmail, PASSWORD);

    // Create a workspace; a hostile name is stored and shown inert.
    const wsName = `研究会 <script>alert(1)</script> ${Date.now()}`;
    await owner.page.getByLabel("ワークスペース名").fill(wsName);
    await owner.page.getByRole("button", { name: "ワークスペースを作成" }).click();
    await owner.page.waitForURL(/\/w\/[a-z0-9-]+$/);
    const wsUrl = new URL(owner.page.url()).pathname;
    await expect(owner.page.getByTestId("workspace-name").textContent()).resolves.toBe(wsName);

    // Invite by link as viewer.
    await owner.page.goto(`${wsUrl}/members`);
    await owner.page.getByTestId("invite-role").selectOption("viewer");
    await owner.page.getByRole("button", { name: "招待リンクを作成" }).click();
    const link = await owner.page.getByTestId("invite-link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

    // The second person opens the link, registers and joins as viewer.
    const viewer = await newPerson(browser());
    const viewerEmail = uniqueEmail("viewer");
    await viewer.page.goto(link);
    await viewer.page.getByRole("link", { name: "アカウント作成" }).click();
    const invitePath = new URL(link).pathname;
    await register(viewer.page, "閲覧 花子", viewerEmail, PASSWORD, invitePath);
    await expect(viewer.page.getByTestId("invite-body").textContent()).resolves.toContain("閲覧のみ");
    await viewer.page.getByRole("button", { name: "参加する" }).click();
    await viewer.page.waitForURL(`**${wsUrl}`);

    // A viewer cannot rename the workspace or invite.
    await viewer.page.goto(`${wsUrl}/settings`);
    await expect(viewer.page.getByLabel("ワークスペース名").count()).resolves.toBe(0);
    await viewer.page.goto(`${wsUrl}/members`);
    await expect(viewer.page.getByRole("button", { name: "招待リンクを作成" }).count()).resolves.toBe(0);
    await expect(viewer.page.getByTestId(`member-${viewerEmail}`).innerText()).resolves.toContain("閲覧のみ");

    // The owner makes them editor.
    await owner.page.goto(`${wsUrl}/members`);
    await owner.page.getByLabel("閲覧 花子 の役割").selectOption("editor");
    await owner.page.waitForResponse((r) => r.request().method() === "POST");
    await owner.page.reload();
    await expect(owner.page.getByLabel("閲覧 花子 の役割").inputValue()).resolves.toBe("editor");

    // Sign out and in again; the new role holds.
    await viewer.page.getByRole("button", { name: "ログアウト" }).click();
    await viewer.page.waitForURL(/\/signin/);
    await signIn(viewer.page, viewerEmail, PASSWORD, wsUrl);
    await viewer.page.goto(`${wsUrl}/members`);
    await expect(viewer.page.getByTestId(`member-${viewerEmail}`).innerText()).resolves.toContain("編集者");

    // Switch the UI to English and back to Japanese; the choice is remembered.
    await viewer.page.getByTestId("locale-switcher").selectOption("en");
    await viewer.page.getByRole("heading", { name: "Members" }).waitFor();
    await viewer.page.screenshot({ path: ".test-data/screenshots/members-en.png", fullPage: true });
    await viewer.page.reload();
    await viewer.page.getByRole("heading", { name: "Members" }).waitFor();
    await viewer.page.getByTestId("locale-switcher").selectOption("ja");
    await viewer.page.getByRole("heading", { name: "メンバー" }).waitFor();
    await owner.page.screenshot({ path: ".test-data/screenshots/members-ja.png", fullPage: true });

    await owner.context.close();
    await viewer.context.close();
  });

  it("explains bad input clearly: taken email, weak password, wrong password", async () => {
    const person = await newPerson(browser(), "en-US");
    const email = uniqueEmail("bad");
    await register(person.page, "Bad Input", email, PASSWORD);
    await person.page.getByRole("button", { name: "Sign out" }).click();
    await person.page.waitForURL(/\/signin/);

    await person.page.goto("/register");
    await person.page.locator('input[name="name"]').fill("Again");
    // A taken address gets the same answer as a new one (registration does not reveal accounts);
    // the sign-in that follows fails unless the password is the owner's.
    await person.page.locator('input[name="email"]').fill(email.toUpperCase());
    await person.page.locator('input[name="password"]').fill(`${PASSWORD} but another`);
    await person.page.locator('button[type="submit"]').click();
    await expect(person.page.locator("p.alert.error").innerText()).resolves.toContain("could not sign you in");

    await person.page.locator('input[name="email"]').fill(uniqueEmail("weak"));
    await person.page.locator('input[name="password"]').fill("short");
    await person.page.locator('button[type="submit"]').click();
    await expect(person.page.locator("p.alert.error").innerText()).resolves.toContain("at least 10 characters");

    await person.page.goto("/signin");
    await person.page.locator('input[name="email"]').fill(email);
    await person.page.locator('input[name="password"]').fill("wrong password entirely");
    await person.page.locator('button[type="submit"]').click();
    await expect(person.page.locator("p.alert.error").innerText()).resolves.toContain("Email or password is wrong");
    await person.context.close();
  });
});
