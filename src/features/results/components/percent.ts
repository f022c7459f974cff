/** A change in percent with its sign: "+10%", "0%", "-30%". */
export const signedPercent = (n: number) => `${n > 0 ? "+" : ""}${n}%`;
