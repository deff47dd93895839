/**
 * The message catalogue, Japanese (the default). Every user-visible string lives here or in en.ts, or in the topic catalogues they merge; a rule's messages sit next to it, in src/core/rules/<id>.messages.ts.
 * Placeholders are written {name}. Keys are grouped by where the text appears.
 * Messages are written for a municipal clerk: what is wrong, where, and what to do.
 */
import { seriesJa } from "./series-ja";
import { plansJa } from "./plans-ja";
import { aidsJa } from "./aids-ja";
import { officeAidsJa } from "./office-aids-ja";
import { programJa } from "./program-ja";
import { newPlanJa } from "./new-plan-ja";
import { collectJa } from "./collect-ja";
import { collectPaneJa } from "./collect-pane-ja";
import { summaryJa } from "./summary-ja";
import { paneJa } from "./pane-ja";
import { rolloverJa } from "./rollover-ja";
import { compareJa } from "./compare-ja";
import { cycleJa } from "./cycle-ja";
import { splitJa } from "./split-ja";
import { distributeJa } from "./distribute-ja";
import { previousJa } from "./previous-ja";
import { matchesJa } from "./matches-ja";
import { ruleMessagesJa } from "./rule-messages.generated";
import { summaryMessagesJa } from "./summary-messages.generated";
import { mergeCatalogues } from "./merge";

export const ja = mergeCatalogues(
  {
    "app.name": "調査票チェッカー",
    "app.tagline": "調査票の記入漏れ・評価記号・指標値を提出前に確認し、集計シートを作成します。",

    // ---- field names (used inside messages)
    "field.id": "No.",
    "field.title": "取組項目",
    "field.tags": "区分",
    "field.repostOf": "再掲",
    "field.purpose": "目的・ねらい",
    "field.group": "方針",
    "field.departments": "所管課",
    "field.plan": "当初予定(P)",
    "field.result": "取組実績(D)",
    "field.next": "課題と今後の取組(A)",
    "field.eval1": "1次評価",
    "field.eval2": "2次評価",
    "field.eval1Comment": "1次評価のコメント",
    "field.eval2Comment": "2次評価のコメント",
    "field.status": "実施状況",
    "field.statusComment": "実施状況の補足",
    "field.reason": "未着手・中止の理由",
    "field.indicators": "指標",
    "field.indicator": "指標",
    "field.baseline": "現状値",
    "field.target": "目標値",
    "field.actual": "実績値",
    "field.task": "実施内容",
    "field.schedule": "工程表",
    "field.yearlyResults": "年度実績",
    "field.fiscalYear": "対象年度",
    "field.page": "頁",

    "what.zeroWidth": "ゼロ幅文字",
    "what.edgeSpace": "前後の空白",
    "what.blank": "空欄",

    "severity.error": "エラー",
    "severity.warning": "警告",
    "severity.info": "情報",

    // ---- template (written into generated sheets)
    "template.rating.errorTitle": "評価",
    "template.rating.error": "S・A・B のいずれかを選んでください。",
    "template.rating.prompt": "S: 予定以上 / A: 予定どおり / B: 遅れ",

    // ---- profile file problems
    "profile.problem.unknown-field": "{path}: 不明な項目です（綴りを確認してください）",
    "profile.problem.missing": "{path}: 必須の項目がありません",
    "profile.problem.wrong-type": "{path}: 値の型が違います（{detail}）",
    "profile.problem.bad-value": "{path}: 値が正しくありません（{detail}）",
    "profile.problem.unknown-reference": "{path}: 参照先が見つかりません（{detail}）",
    "profile.problem.more": "ほか {count} 件",
    // A rule's parameter in a profile (rules/params.ts): {problem} is one of param.problem.*.
    "profile.problem.param": "プロファイル {profile} の規則 {rule} の {problem}",
    "profile.noId": "（id なし）",
    "param.problem.wrong": "{field} は{expected}で指定してください",
    "param.problem.missing": "{field} を指定してください",
    "param.problem.unknown": "{field} は使えません（指定できるのは {allowed}）",
    "param.problem.none": "{field} は使えません（この規則は params を取りません）",
    // The type a parameter must have; param.types.* is the English plural, the same words in Japanese.
    "param.type.string": "文字列",
    "param.types.string": "文字列",
    "param.type.regex": "正規表現の文字列",
    "param.types.regex": "正規表現の文字列",
    "param.type.fiscal-year": "年度の文字列（「平成29年度」「令和5年度」など）",
    "param.types.fiscal-year": "年度の文字列（「平成29年度」「令和5年度」など）",
    "param.type.integer": "整数",
    "param.types.integer": "整数",
    "param.type.integer-from": "{minimum} 以上の整数",
    "param.types.integer-from": "{minimum} 以上の整数",
    "param.type.number": "数値",
    "param.types.number": "数値",
    "param.type.boolean": "true か false",
    "param.types.boolean": "true か false",
    "param.type.enum": "{values}のいずれか",
    "param.types.enum": "{values}のいずれか",
    "param.type.fieldId": "項目 id（purpose、plan など）",
    "param.types.fieldId": "項目 id（purpose、plan など）",
    "param.type.array": "{items}の配列",
    "param.types.array": "{items}の配列",
    "param.type.object": "{keys}を持つオブジェクト",
    "param.types.object": "{keys}を持つオブジェクト",
    "param.type.or": "{a}または{b}",
    "param.type.value": "値",
    "param.types.value": "値",

    // ---- workbook errors (CLI, task pane)
    "error.empty-file": "ファイルが空です。",
    "error.sheet-hidden": "シート「{sheet}」は非表示のため、そのセルを選べません。",
    "error.conflict": "ほかの人が同じブックを同時に編集していて、変更がぶつかりました。何度か試しても続いたため止めました。少し待ってから、もう一度実行してください。",
    "error.unsupported-operation": "Excel がこの操作に対応していません。ブックが「共有ブック（旧形式）」になっていると、表・結合・グラフなどを作れません。[校閲] タブの [ブックの共有] で共有を解除するか、OneDrive や SharePoint での共同編集に切り替えてから、もう一度実行してください。",
    "error.invalid-operation": "Excel がこの操作を受け付けませんでした。シートの保護・非表示や結合セルなど、ブックの状態を確かめてから、もう一度実行してください。",
    "error.payload-too-large": "一度に受け渡すデータが Excel on the web の上限（5 MB）を超えたため止めました。1 つのセルに非常に長い文章がないか確かめるか、デスクトップ版の Excel で実行してください。",
    "error.excel-busy": "Excel が時間内に応答しませんでした（処理が混み合っています）。少し待ってから、もう一度実行してください。",
    "error.file-unavailable": "Excel からこのブックのファイルを受け取れませんでした。ブックを保存して閉じ、開き直してから、もう一度実行してください（読み取り専用や保護ビューで開いているときは、編集を有効にしてから）。",
    "error.sheet-very-hidden": "シート「{sheet}」は「完全に非表示」（Excel のメニューからは再表示できない設定）のため、そのセルを選べません。",
    "error.sheets-interrupted": "シートの書き込みが途中で止まりました（{sheet}）。もう一度実行すると、途中のシートも書き直します。",
    "error.not-a-workbook": "Excel ブック（.xlsx）ではありません。",
    "error.not-a-workbook.csv": "CSV ファイルは読み込めません。Excel で開き、.xlsx 形式で保存してください。",
    "error.legacy-xls": "古い形式（.xls）のブックです。Excel で開き、.xlsx 形式で保存し直してください。",
    "error.encrypted": "パスワードで保護（暗号化）されたブックは読み込めません。パスワードを解除して保存し直してください。",
    "error.corrupt": "ファイルが壊れているか、保存が途中で終わっています。元のファイルを確認してください。",
    "error.corrupt-part": "ファイルの一部（{sheet}）が壊れていて読めません。Excel で開いて保存し直すか、元のファイルを確認してください。",
    "error.too-complex": "ブックの構造が大きすぎるため読み込みを止めました（{sheet}）。不要なシートや書式を削除して保存し直してください。",
    "error.timeout": "時間内に読み終わらなかったため中止しました。",
    "error.ods": "OpenDocument 形式（.ods）のファイルです。LibreOffice Calc または Excel で開き、Excel 2007-365 形式（.xlsx）で保存してください。",
    "error.xlsb": "Excel バイナリ形式（.xlsb）のブックです。Excel で開き、「Excel ブック（.xlsx）」形式で保存してください。",
    "error.strict-ooxml":
      "このブックは「Strict Open XML スプレッドシート」形式で保存されています。この形式のままでは検証だけができ、集計シートの作成・修正・入力支援などの書き込みはできません。Excel で開いて「Excel ブック (*.xlsx)」形式で保存し直してから、もう一度実行してください。何も変更していません。",
    "error.numbers": "Apple Numbers のファイルです。Numbers で「書き出す」→「Excel」を選び、.xlsx 形式で保存してください。",
    "error.too-large": "ファイルが大きすぎます（上限は {limit} MB です）。",
    "error.no-worksheets": "ワークシートがありません。",
    "error.no-recognised-sheet": "調査票として認識できるシートがありません（{count} シートを確認しました）。",
    "error.not-found": "ファイルが見つかりません。",
    "error.unreadable": "ファイルを読み込めません（{reason}）。",
    "error.empty-folder": "フォルダーに .xlsx ファイルがありません。",
    "error.protected-sheet": "シート「{sheet}」は保護されているため変更できません。[校閲] タブの [シート保護の解除] で保護を解除してから、もう一度実行してください。",
    "error.protected-workbook":
      "ブックの構成が保護されている（[校閲] タブの [ブックの保護]）ため、このアドインのシート（変更履歴・設定・集計）を追加できません。[ブックの保護] をオフにしてから、もう一度実行してください。パスワードが分からないときは、ブックの作成者に確認してください。何も変更していません。",
    "error.write-interrupted": "書き込みが途中で止まりました。変更されたセルは {cells} で、どれも「変更履歴」に記録してあります。ほかのセルは変わっていません。もう一度検証してから、残りを修正してください。",
    "error.write-interrupted.none": "書き込みが途中で止まりました。セルは変更されていません。もう一度実行してください。",
    "error.write-unconfirmed":
      "書き込みが途中で止まり、どのセルが変わったかを確かめられませんでした。変更された可能性があるのは {cells} です（「変更履歴」に記録してあります）。これらのセルを確かめてから、もう一度検証してください。",
    "error.cells.more": "{cells} ほか {count} セル",
    "error.cell-edit-mode": "セルの編集中のため実行できません。編集を確定してから、もう一度実行してください。",
    "error.sheet-missing": "シート「{sheet}」が見つかりません（削除された可能性があります）。",
    "error.unsupported-host": "この機能には Excel の新しいバージョンが必要です。",
    "error.cancelled": "中止しました。",
    "error.internal": "予期しないエラーが発生しました（{reason}）。",

    "years.fiscalYear": "対象年度: {year}（{source}）",
    "years.planPeriod": "計画期間: {from}〜{to}（{source}）",
    "years.planPeriod.profile": "計画期間（{profile}）: {from}〜{to}（{source}）",
    "years.source.user": "指定された値",
    "years.source.workbook.fiscalYear": "シートの表題から読み取り",
    "years.source.workbook.planPeriod": "年度の見出しから読み取り",
    "years.source.profile": "プロファイルの既定値",
  } as const,
  summaryJa,
  plansJa,
  aidsJa,
  officeAidsJa,
  seriesJa,
  programJa,
  newPlanJa,
  collectJa,
  collectPaneJa,
  paneJa,
  rolloverJa,
  compareJa,
  cycleJa,
  splitJa,
  distributeJa,
  previousJa,
  matchesJa,
  ruleMessagesJa,
  summaryMessagesJa,
);

export type MessageKey = keyof typeof ja;
