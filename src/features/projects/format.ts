import { inUnit, ratePercent, type MoneyUnit } from "@/domain/money";

// 亿元 needs more places, or a typical 30,000 元 project would read as 0.00.
const DECIMALS: Record<MoneyUnit, number> = { yuan: 2, wan: 2, yi: 4 };

/** The message key (common.*) of a money unit's name. */
export const UNIT_LABEL_KEY: Record<MoneyUnit, "unitYuan" | "unitWan" | "unitYi"> = {
  yuan: "unitYuan",
  wan: "unitWan",
  yi: "unitYi",
};

export function formatAmount(value: string | bigint | null | undefined, unit: MoneyUnit): string {
  return inUnit(value, unit, DECIMALS[unit]);
}

/** 执行率 as "93.21%", or a dash when there is no budget to divide by. */
export function formatRate(part: string | bigint, whole: string | bigint): string {
  const rate = ratePercent(part, whole, 2);
  return rate === null ? "—" : `${rate}%`;
}
