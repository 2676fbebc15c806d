/** 这部分界面的简体中文文本（合并到 `zh-CN.ts`）。键必须与英文文件一致。 */
export const wslconfigViewZhCN = {} as const
