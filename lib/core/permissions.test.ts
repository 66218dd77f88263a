import { describe, expect, it } from "vitest";
import { ACTIONS, assertCan, assignableRoles, can, type Action } from "./permissions";
import { ROLES, type Role } from "./roles";
import { AppError } from "./errors";

// The whole matrix written out, so that a change to GRANTS is a visible change here.
const EXPECTED: Record<Action, Role[]> = {
  "workspace.read": ["owner", "editor", "commenter", "viewer"],
  "workspace.rename": ["owner"],
  "workspace.delete": ["owner"],
  "workspace.leave": ["owner", "editor", "commenter", "viewer"],
  "members.read": ["owner", "editor", "commenter", "viewer"],
  "members.invite": ["owner"],
  "members.changeRole": ["owner"],
  "members.remove": ["owner"],
  "document.read": ["owner", "editor", "commenter", "viewer"],
  "document.create": ["owner", "editor"],
  "document.update": ["owner", "editor"],
  "document.delete": ["owner", "editor"],
  "annotation.read": ["owner", "editor", "commenter", "viewer"],
  "annotation.create": ["owner", "editor"],
  "annotation.edit": ["owner", "editor"],
  "annotation.reply": ["owner", "editor", "commenter"],
  "theme.manage": ["owner", "editor"],
  "link.manage": ["owner", "editor"],
  "export.run": ["owner", "editor", "commenter", "viewer"],
  "review.assign": ["owner", "editor"],
  "share.manage": ["owner", "editor"],
  "snapshot.create": ["owner", "editor"],
};

describe("can()", () => {
  it("covers every action in the expectation table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
    it(`a non-member may not ${action}`, () => {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    });
  }

  it("each stronger role has every right of the weaker ones", () => {
    for (let i = 0; i < ROLES.length - 1; i++) {
      for (const action of ACTIONS) if (can(ROLES[i + 1], action)) expect(can(ROLES[i], action)).toBe(true);
    }
  });
});

describe("assertCan()", () => {
  it("hides the workspace from non-members with not_found", () => {
    expect(() => assertCan(null, "workspace.read")).toThrowError(AppError);
    try {
      assertCan(null, "workspace.read");
    } catch (e) {
      expect((e as AppError).code).toBe("not_found");
    }
  });
  it("tells members what their role cannot do with forbidden", () => {
    try {
      assertCan("viewer", "workspace.rename");
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe("forbidden");
      expect((e as AppError).status).toBe(403);
    }
  });
  it("only owners hand out roles", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "editor", "commenter", "viewer"]);
    for (const r of ["editor", "commenter", "viewer"] as const) expect(assignableRoles(r)).toEqual([]);
  });
});
