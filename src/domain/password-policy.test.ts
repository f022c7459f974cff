import { describe, expect, it } from "vitest";
import { z } from "zod";
import { characterClasses, checkPassword, passwordSchema, refinePassword } from "./password-policy";

describe("password policy", () => {
  it.each([
    ["Demo@2021", null],
    ["abcdEF12", null], // upper, lower, digit
    ["abcdef1!", null], // lower, digit, symbol
    ["ABCDEF1!", null], // upper, digit, symbol
    ["Abcdefg!", null], // upper, lower, symbol
    ["中文密码Ab1!", null], // other characters count as symbols only when not whitespace
    ["Ab1!", "passwordPolicy"], // too short
    ["Abc1!xy", "passwordPolicy"], // 7 characters
    ["abcdefgh", "passwordPolicy"], // one class
    ["abcd1234", "passwordPolicy"], // two classes
    ["ABCD!!!!", "passwordPolicy"], // two classes
    ["abcd efgh", "passwordPolicy"], // a space is not a symbol
    ["", "passwordPolicy"],
    ["A".repeat(60) + "a".repeat(60) + "1".repeat(9), "passwordPolicy"], // over 128
  ])("%s → %s", (password, expected) => {
    expect(checkPassword(password)).toBe(expected);
  });

  it("refuses the username whatever its case", () => {
    expect(checkPassword("Zhang_San1", "zhang_san1")).toBe("passwordIsUsername");
    expect(checkPassword("zhang_san1", "ZHANG_SAN1")).toBe("passwordIsUsername");
    expect(checkPassword("Zhang_San12", "zhang_san1")).toBeNull();
  });

  it("counts character classes", () => {
    expect(characterClasses("aA1!")).toBe(4);
    expect(characterClasses("aaaa")).toBe(1);
    expect(characterClasses("    ")).toBe(0);
  });

  it("gives the message keys forms translate", () => {
    const schema = z
      .object({ username: z.string(), password: passwordSchema })
      .superRefine(refinePassword({ password: "password", username: "username" }));
    const weak = schema.safeParse({ username: "li_si", password: "abc" });
    expect(weak.success).toBe(false);
    expect(weak.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["password", "passwordPolicy"],
    ]);
    const same = schema.safeParse({ username: "li_si_2024", password: "Li_Si_2024" });
    expect(same.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["password", "passwordIsUsername"],
    ]);
    expect(schema.safeParse({ username: "li_si", password: "Good#Pass1" }).success).toBe(true);
  });
});
