import type { Random } from "./random";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟".split(
    "",
  );
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文斌志红海燕晓东建国玉兰晨曦佳怡思远浩然雨欣子涵宇航嘉豪".split(
    "",
  );

/** A plausible Chinese name, deterministic for the random sequence. */
export function personName(r: Random): string {
  const given = r.chance(0.6) ? r.pick(GIVEN) + r.pick(GIVEN) : r.pick(GIVEN);
  return r.pick(SURNAMES) + given;
}
