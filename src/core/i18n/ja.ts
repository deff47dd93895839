/**
 * The message catalogue, Japanese (the default). Every user-visible string lives here or in en.ts.
 * Placeholders are written {name}. Keys are grouped by where the text appears.
 * Messages are written for a municipal clerk: what is wrong, where, and what to do.
 */
import { mitakaJa } from "./mitaka-ja";
import { musashinoJa } from "./musashino-ja";
import { programJa } from "./program-ja";
import { summaryJa } from "./summary-ja";
import { paneJa } from "./pane-ja";

export const ja = {
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

  // ---- rule messages
  "rule.CODE-INVALID": "{field}の「{value}」は使えない記号です。{codes} のいずれかを入力してください。",
  "rule.CODE-VARIANT": "{field}の「{value}」は「{code}」と書くのが正しい形です。修正候補を適用できます。",
  "fix.CODE-VARIANT": "「{value}」を「{code}」に直す",
  "rule.REQUIRED-MISSING": "{field}が入力されていません。提出前に入力してください。",
  "rule.REQUIRED-MISSING.final": "{field}が入力されていません（本部評価後の段階では必須です）。",
  "rule.CELL-ERROR": "{field}のセルがエラー値（{error}）になっています。数式や参照先を確認してください。",
  "rule.NUMBER-AS-TEXT": "{field}の「{value}」が文字列として入力されています。数値に変換できます。",
  "fix.NUMBER-AS-TEXT": "「{value}」を数値に変換する",
  "rule.VALUE-UNPARSEABLE": "{field}の「{value}」を数値や目標として読み取れません。「1,000人」「95%以上」のように数値と単位で入力してください。",
  "rule.TEXT-HTML": "{field}にHTMLのタグ（{tags}）が残っています。タグを取り除き、改行に置き換えられます。",
  "fix.TEXT-HTML": "HTMLタグを取り除き、段落を改行にする",
  "rule.TEXT-INVISIBLE": "{field}に{what}が含まれています。照合や集計で別の値として扱われるおそれがあります。",
  "fix.TEXT-INVISIBLE": "見えない文字と前後の空白を取り除く",
  "rule.TEXT-TOO-LONG": "{field}が{length}文字あり、上限の{max}文字を超えています。内容を短くしてください。",
  "rule.RULE-FAILED": "規則「{rule}」はこのシートで途中で止まったため、この規則の点検を行えませんでした（{reason}）。ほかの規則の指摘はそのまま有効です。プロファイルのこの規則の設定を確認してください。",
  "rule.LABEL-MISSING": "{layout}の見出し「{label}」が見つからないため、この欄を読み取れません。様式の見出しを確認してください。",
  "rule.EVAL-COMMENT-MISSING": "評価が「{code}」ですが、その理由（コメント）が記入されていません。{code}評価とした理由を記入してください。",
  "rule.EVAL2-CHANGED-NO-COMMENT": "{eval2Field}（{eval2}）が{eval1Field}（{eval1}）と異なりますが、{eval2Field}のコメントがありません。変更の理由を記入してください。",
  "rule.IND-RATING-CONFLICT.unmet": "評価は「{code}」ですが、指標はいずれも目標に達していません（{details}）。評価の理由をコメントに記入するか、評価を見直してください。",
  "rule.IND-RATING-CONFLICT.met": "評価は「{code}」ですが、指標はいずれも目標を達成しています（{details}）。評価の理由をコメントに記入するか、評価を見直してください。",
  "rule.IND-NO-MEASUREMENT": "指標「{indicator}」の{period}が{value}のまま、評価（{code}）が入力されています。実績値を記入するか、測定できなかった理由をコメントに記入してください。",
  "rule.IND-WORSE-THAN-BASELINE": "指標「{indicator}」の{period}が現状値より悪化しています（現状値 → {period}: {details}）。",
  "rule.IND-UNIT-MISMATCH": "指標「{indicator}」の目標値（{targetUnit}）と{period}（{actualUnit}）の単位が異なり、比較できません。単位をそろえてください。",
  "rule.IND-UNIT-MISMATCH.converted": "指標「{indicator}」の目標値（{targetUnit}）と{period}（{actualUnit}）の単位の書き方が異なります。換算して比較しました。単位をそろえると確実です。",
  "rule.IND-ASOF-MISMATCH": "指標「{indicator}」の{period}は「{asOf}」の値で、欄の時点（{column}末）と異なります。時点を確認し、必要なら注記してください。",
  "rule.IND-MARKER-MISMATCH": "指標の番号（{labelMarkers}）と{column}の番号（{valueMarkers}）が対応していません。指標ごとに①②…を付けて入力してください。",
  "rule.ID-DUPLICATE": "No.{id} が重複しています（ほかに {others}）。番号を確認してください。",
  "rule.LIST-MISMATCH.code": "{list}の{field}（{listValue}）がシート「{sheet}」の{field}（{recordValue}）と一致しません。",
  "rule.LIST-MISMATCH.title": "{list}の{field}「{listValue}」が、シート「{sheet}」の{recordField}「{recordValue}」と一致しません。",
  "rule.LIST-MISMATCH.departments": "{list}の{listField}のうち「{missing}」が、シート「{sheet}」の{field}にありません。",
  "rule.LIST-MISSING-RECORD.row": "{list}のNo.{id}に対応する調査票シートがありません。",
  "rule.LIST-MISSING-RECORD.record": "調査票 No.{id} が{list}にありません。",
  "rule.REPOST-MISMATCH": "No.{original}の再掲ですが、{field}（{value}）が元の項目（{originalValue}）と異なります。",
  "rule.PARENT-CHILD.rating": "評価（{code}）が内訳シートの評価の範囲（{range}）から外れていますが、コメントがありません。理由を記入してください。",
  "rule.PARENT-CHILD.departments": "{field}が内訳シートの{field}の合計と一致しません（不足: {missing}／余分: {extra}）。",
  "rule.PARENT-CHILD.value": "{column}の「{label}」（{value}）が{parentSheet}の値（{parentValue}）と異なります。",
  "rule.PARENT-CHILD.unrated": "{parentSheet}は評価済みですが、この内訳シートには評価がありません。",
  "rule.FY-INCONSISTENT": "このシートの対象年度（{sheetFy}年度）がブックの対象年度（{bookFy}年度）と異なります。",
  "rule.DEPT-UNKNOWN": "{field}「{names}」が{master}にありません。課名を確認してください。",

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

  // ---- workbook errors (CLI, task pane)
  "error.empty-file": "ファイルが空です。",
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
  "error.numbers": "Apple Numbers のファイルです。Numbers で「書き出す」→「Excel」を選び、.xlsx 形式で保存してください。",
  "error.too-large": "ファイルが大きすぎます（上限は {limit} MB です）。",
  "error.no-worksheets": "ワークシートがありません。",
  "error.no-recognised-sheet": "調査票として認識できるシートがありません（{count} シートを確認しました）。",
  "error.not-found": "ファイルが見つかりません。",
  "error.unreadable": "ファイルを読み込めません（{reason}）。",
  "error.empty-folder": "フォルダに .xlsx ファイルがありません。",
  "error.protected-sheet": "シート「{sheet}」は保護されているため変更できません。",
  "error.cell-edit-mode": "セルの編集中のため実行できません。編集を確定してから、もう一度実行してください。",
  "error.sheet-missing": "シート「{sheet}」が見つかりません（削除された可能性があります）。",
  "error.unsupported-host": "この機能には Excel の新しいバージョンが必要です。",
  "error.cancelled": "中止しました。",
  "error.internal": "予期しないエラーが発生しました（{reason}）。",

  // ---- CLI
  "cli.usage":
    "使い方: chosahyo validate <ファイルまたはフォルダ>... [--json] [--lang ja|en] [--stage 提出前|本部評価後] [--profile ファイル.json] [--timeout 秒] [--jobs 数]\n" +
    "  .xlsx ファイルの調査票を検証します。フォルダを指定すると、その中の .xlsx をすべて検証します。\n" +
    "  終了コード: 0 エラーなし / 1 エラーあり / 2 読み込めないファイルあり\n" +
    "  --timeout: 1ファイルにかける時間の上限（秒、既定 60）。--jobs: 複数ファイルを同時に検証する数（既定 CPU コア数）\n" +
    "      chosahyo summarize <ファイルまたはフォルダ> -o <書き出し先.xlsx> [--include-reposts] [--lang ja|en] [--stage …] [--profile …]\n" +
    "  集計シート（評価一覧・評価集計・指標達成状況・未着手・中止一覧・検証結果）を加えたブックを新しいファイルに書き出します。\n" +
    "  フォルダを指定すると、各課から提出されたブックを1冊にまとめて集計します。読み込んだファイルには書き込みません。",
  "cli.arg.unknown-command": "不明なコマンドです: {command}",
  "cli.arg.unknown-option": "不明なオプションです: {option}",
  "cli.arg.missing-value": "{option} には値が必要です。",
  "cli.arg.no-input": "検証するファイルまたはフォルダを指定してください。",
  "cli.arg.bad-lang": "--lang には ja または en を指定してください。",
  "cli.arg.bad-stage": "--stage には 提出前 または 本部評価後 を指定してください。",
  "cli.arg.profile-unreadable": "プロファイル {path} を読み込めません（{reason}）。",
  "cli.arg.profile-not-json": "プロファイル {path} は JSON 形式になっていません。括弧やカンマ、引用符を確認してください。",
  "cli.arg.profile-invalid": "プロファイル {path} が正しくありません: {problems}",
  "cli.arg.bad-timeout": "--timeout には 0 より大きい秒数（{max} 以下）を指定してください: {value}",
  "cli.arg.bad-jobs": "--jobs には 1 以上 {max} 以下の整数を指定してください: {value}",
  "cli.file": "■ {path}",
  "cli.sheets": "認識したシート: {count}",
  "cli.sheet.line": "  {name}  …{profile}（{layout}）",
  "cli.tally.records": "{count} 件",
  "cli.tally.records-plans": "{count} 件（年次計画 {plans} 行）",
  "cli.tally.list-rows": "一覧 {count} 行",
  "cli.tally.indicators": "指標 {count}",
  "cli.tally.goals": "数値目標 {count}",
  "cli.tally.ended": "終了 {count}",
  "cli.tally.separator": "・",
  "cli.sheets.more": "  ほか {count} シート（{layout}）",
  "cli.sheets.unrecognised": "認識できなかったシート（変更していません）: {names}",
  "cli.sheets.hidden": "非表示のシート: {names}",
  "cli.sheet.trimmed": "シート「{name}」は使用範囲が大きいため（{rows}行×{cols}列）、値のある範囲だけを読み取りました。",
  "cli.findings.none": "指摘はありません。",
  "cli.findings.counts": "指摘: エラー {error} 件、警告 {warning} 件、情報 {info} 件",
  "cli.findings.sheet": "  [{sheet}] エラー {error}・警告 {warning}・情報 {info}",
  "cli.finding.line": "    {severity} {cell} {ruleId}: {message}",
  "cli.total": "合計 {files} ファイル: エラー {error} 件、警告 {warning} 件、情報 {info} 件（読み込めないファイル {failed} 件）",
  "cli.error.line": "{path}: {message}",
  "cli.error.timeout": "{seconds} 秒を超えても終わらなかったため中止しました（上限は --timeout で変えられます）。",
  "cli.progress.files": "{done} / {total} ファイル",
  "cli.progress.sheets": "{done} / {total} シート",
  ...summaryJa,
  ...musashinoJa,
  ...mitakaJa,
  ...programJa,
  ...paneJa,
} as const;

export type MessageKey = keyof typeof ja;
