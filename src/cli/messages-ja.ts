/**
 * Message catalogue of the command line, Japanese (the default): usage, progress and the commands' reports. Kept out
 * of the core's catalogue so the task pane does not carry it; texts the pane shows too stay there.
 */
export const cliJa = {
  // ---- CLI
  "cli.usage":
    "使い方: chosahyo validate <ファイルまたはフォルダー>... [--json] [--lang ja|en] [--stage 提出前|本部評価後] [--profile ファイル.json] [--fiscal-year 年度] [--plan-period 期間] [--timeout 秒] [--jobs 数]\n" +
    "  .xlsx ファイル（.xls・.xlsb・.ods も）の調査票を検証します。フォルダーを指定すると、その中のこれらのファイルをすべて検証します。\n" +
    "  終了コード: 0 エラーなし / 1 エラーあり / 2 読み込めないファイルあり\n" +
    "  --timeout: 1ファイルにかける時間の上限（秒、既定 60）。--jobs: 複数ファイルを同時に検証する数（既定 CPU コア数）\n" +
    "  --fiscal-year: 対象年度（例 令和5、2023）。--plan-period: 計画期間（例 令和5〜8、2023-2026）。指定しなければブックの設定、次にシートの表題と年度の見出しから読み取ります\n" +
    "chosahyo summarize <ファイルまたはフォルダー> -o <書き出し先.xlsx> [--include-reposts] [--previous 前年度.xlsx] [--lang ja|en] [--stage …] [--profile …] [--timeout 秒]\n" +
    "  集計シート（評価一覧・評価集計・指標達成状況・未着手・中止一覧・検証結果、配布・回収の記録があるブックでは提出状況）を加えたブックを新しいファイルに書き出します。\n" +
    "  フォルダーを指定すると、各課から提出されたブックを1冊にまとめて集計します。読み込んだファイルには書き込みません。",
  "cli.arg.unknown-command": "不明なコマンドです: {command}",
  "cli.arg.unknown-option": "不明なオプションです: {option}",
  "cli.arg.missing-value": "{option} には値が必要です。",
  "cli.arg.no-input": "検証するファイルまたはフォルダーを指定してください。",
  "cli.arg.bad-lang": "--lang には ja または en を指定してください。",
  "cli.arg.bad-stage": "--stage には 提出前 または 本部評価後 を指定してください。",
  "cli.arg.profile-unreadable": "プロファイル {path} を読み込めません（{reason}）。",
  "cli.arg.profile-not-json": "プロファイル {path} は JSON 形式になっていません。括弧やカンマ、引用符を確認してください。",
  "cli.arg.profile-invalid": "プロファイル {path} が正しくありません: {problems}",
  "cli.arg.bad-timeout": "--timeout には 0 より大きい秒数（{max} 以下）を指定してください: {value}",
  "cli.arg.bad-fiscal-year": "--fiscal-year には年度を 令和5、R5、2023 のように指定してください: {value}",
  "cli.arg.bad-plan-period": "--plan-period には計画期間を 令和5〜8、R5-R8、2023-2026 のように指定してください: {value}",
  "cli.arg.fiscal-year-outside": "--fiscal-year（{year}年度）が --plan-period（{from}〜{to}年度）の外にあります。",
  "cli.arg.bad-jobs": "--jobs には 1 以上 {max} 以下の整数を指定してください: {value}",
  "cli.file": "■ {path}",
  "cli.file.xls": "Excel 97-2003 形式（.xls）のブックとして確認しました。集計シートの作成など、書き出す操作には .xlsx 形式で保存したものをお使いください。",
  "cli.file.xlsb": "Excel バイナリ形式（.xlsb）のブックとして確認しました。集計シートの作成など、書き出す操作には .xlsx 形式で保存したものをお使いください。",
  "cli.file.ods": "OpenDocument 形式（.ods）のブックとして確認しました。集計シートの作成など、書き出す操作には .xlsx 形式で保存したものをお使いください。",
  "cli.sheets": "認識したシート: {count}",
  "cli.sheet.line": "  {name}  …{profile}（{layout}）",
  "cli.tally.records": "{count} 件",
  "cli.tally.records-plans": "{count} 件（年次計画 {plans} 行）",
  "cli.tally.list-rows": "一覧 {count} 行",
  "cli.tally.indicators": "指標 {count}",
  "cli.tally.goals": "数値目標 {count}",
  "cli.tally.ended": "終了 {count}",
  "cli.tally.each": "各シート {count} 件",
  "cli.tally.each-list": "各シート {count} 行",
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
  // ---- CLI: chosahyo aids
  "cli.aids.usage":
    "chosahyo aids <ファイル.xlsx> -o <書き出し先.xlsx> [--protect] [--lang ja|en] [--stage …] [--profile …] [--timeout 秒]\n" +
    "  記号の欄にリスト（S/A/B、◎○△× など）と入力メッセージを設定し、必須の空欄に色を付けたブックを新しいファイルに書き出します。\n" +
    "  --protect: 入力セル以外を編集できないようにシートを保護します（パスワードなし）。値は変えず、設定したことは「変更履歴」に記録します。",
  "cli.aids.no-input": "入力支援を設定するファイルを1つ指定してください。",
  "cli.aids.no-output": "書き出し先を -o で指定してください（元のファイルは上書きしません）。",
  "cli.aids.written": "{path} に書き出しました（入力支援を設定したシート: {count}）。",
  "cli.aids.sheet": "  {sheet}: 入力規則 {validations} か所・必須の空欄 {highlights} か所{protected}",
  "cli.aids.sheet.protected": "・シート保護",
  "cli.aids.unprotect":
    "シートの保護を外すには、Excel では [校閲] → [シート保護の解除]、LibreOffice Calc では [ツール] → [シートの保護] のチェックを外します（パスワードはありません）。",
  "cli.aids.skipped-protected": "保護されているシートには設定していません: {names}（保護を解除してから、もう一度実行してください）",
  "cli.aids.none": "入力支援を設定できるシートがありません（記号や必須の欄を読み取れた調査票がありません）。ファイルは書き出していません。",
  "cli.collect.usage":
    "chosahyo collect <元のブック.xlsx> <返送ファイルまたはフォルダー>... -o <取り込み後.xlsx> [--dry-run] [--accept-form-changes[=ファイル名,…]] [--profile …] [--lang ja|en] [--timeout 秒]\n" +
    "  配布した各課のブックを元のブックに取り込みます（回収）。入力欄だけが変わったシートを置き換え、変更履歴と提出状況に記録します。様式が変わったファイルや、別の元のブック・古い版・他の課のシートを含むファイルは取り込みません。--accept-form-changes を付けると、様式が変わったファイルも（=ファイル名,… を付けるとそのファイルだけ）、様式の変更は取り込まずに変わった入力欄だけを元のブックの様式に書き込みます。--dry-run は取り込みの内容を表示するだけで、何も書き出しません。--timeout: 1ファイルを読み込む時間の上限（秒、既定 60。元のブックと返送ファイルのそれぞれに）。元のブックと返送ファイルは変更しません。",
  "cli.collect.no-master": "元のブックと、返送されたファイル（またはフォルダー）を指定してください。",
  "cli.collect.no-output": "取り込み後のブックの書き出し先を -o で指定してください（内容の確認だけなら --dry-run）。",
  "cli.collect.accept-unknown": "--accept-form-changes に指定したファイルが、戻ってきたファイルの中にありません: {files}",
  "cli.collect.unreadable-master": "元のブック {path} を読み込めません: {message}",
  "cli.collect.dry-run": "確認のみ（--dry-run）: 何も書き出していません。",
  "cli.collect.formula-cells": "次のセルは配列数式の計算結果の一部のため、書き込みませんでした: {cells}",
  "cli.collect.written": "{path} に書き出しました（置き換えたシート {sheets} 枚、入力欄 {cells} セル）。",
  "cli.collect.nothing": "取り込むファイルがないため、何も書き出していません。",
  "cli.newPlan.usage":
    "chosahyo new-plan <一覧.csv または 一覧.xlsx> -o <書き出し先.xlsx> [--plan-period 期間] [--plan-name 計画の名前] [--title 表題] [--no-aids] [--protect] [--profile …] [--lang ja|en] [--timeout 秒]\n" +
    "  計画の項目の一覧（方針、No.、取組項目、所管課、目的・ねらい、財政効果）から、項目ごとの空の調査票と評価一覧のブックを新しく作ります。\n" +
    "  --plan-period: 計画期間（例 令和9〜12、2027-2030。既定は今年度から4年間）。--title: 調査票の表題（{plan} は計画の名前、{year} は初年度。既定 {plan}進捗状況調査票（{year}年度末））\n" +
    "  入力支援（評価の一覧、未記入の色付け）を付けて書き出します。--no-aids: 付けない。--protect: 入力欄以外を保護する（パスワードなし）",
  "cli.newPlan.one-input": "new-plan には項目の一覧のファイルを1つだけ指定してください。",
  "cli.newPlan.no-output": "書き出すファイルを -o で指定してください（例: -o 調査票.xlsx）。",
  "cli.newPlan.input-unreadable": "{path} を読み込めません（{reason}）。",
  "cli.newPlan.input-type": "{path} は CSV（.csv）でも Excel のブック（.xlsx）でもありません。一覧を CSV か .xlsx で保存してください。",
  "cli.newPlan.input-too-large": "{path} は一覧としては大きすぎます（{size} MB、上限 {max} MB）。",
  "cli.newPlan.not-text": "{path} は UTF-8 としても Shift_JIS としても読めません。CSV を「CSV UTF-8」で保存し直してください。",
  "cli.newPlan.output-not-xlsx": "書き出し先 {path} は .xlsx にしてください。",
  "cli.newPlan.problems": "{path} から調査票を作れません。次の点を直してください:",
  "cli.newPlan.problem.line": "  ・{message}",
  "cli.newPlan.problem.more": "  ほか {count} 件",
  "cli.newPlan.no-template": "new-plan が作れるのは {template} の様式だけです。--profile には id が {template} のプロファイルを指定してください（指定されたのは {id}）。",
  "cli.newPlan.period-default": "計画期間が指定されていないため、今年度から4年間（{from}〜{to}）としました。変えるときは --plan-period を指定してください。",
  "cli.newPlan.read-list": "一覧: {source}（{count} 項目）",
  "cli.newPlan.source.sheet": "シート「{sheet}」",
  "cli.newPlan.written": "{path} に評価一覧と調査票 {surveys} 枚を書き出しました（計画期間 {from}〜{to}）。",
  "cli.usage.rollover":
    "chosahyo rollover <ファイル> -o <書き出し先.xlsx> [--drop-ended] [--no-aids] [--protect] [--fiscal-year 年度] [--plan-period 期間] [--lang ja|en] [--profile …] [--timeout 秒]\n" +
    "  年度更新: 今年度の調査票から次年度の調査票を作り、新しいファイルに書き出します（年度の表記を進め、(A) を (P) に引き継ぎ、実績と評価を消去）。\n" +
    "  --drop-ended: 完了・廃止・統合した取組のシートを除きます。次年度のシートには入力支援（評価の一覧、未記入の色付け）を付けます（--no-aids で付けない、--protect で入力欄以外を保護）。読み込んだファイルには書き込みません。",
  "cli.rollover.one-input": "rollover には、ブックを1つ指定してください。",
  "cli.rollover.written": "■ {path} に書き出しました。元のファイルは変更していません。",
  "cli.split.usage": [
    "chosahyo split <マスター.xlsx> -o <フォルダー> [--shared lead|copy] [--no-aids] [--profile <file.json>] [--lang ja|en] [--timeout 秒]",
    "  配布: マスターから所管課ごとのブックを書き出します（1シート1取組の調査票はシートごと、取組が行で並ぶシートは取組の行ごと）。ファイル名は課の名前です。",
    "  複数の課が書かれた取組は最初の課（主担当課）に配布し、ほかの課を一覧にします。--shared copy で書かれた課すべてに配布します。",
    "  評価一覧は配布しません。入力支援を付けます（--no-aids で付けません）。出力先のフォルダーは空か、まだないものにしてください。",
  ].join("\n"),
  "cli.split.no-input": "マスターのブックを1つ指定してください: chosahyo split <マスター.xlsx> -o <フォルダー>",
  "cli.split.no-output": "書き出し先のフォルダーを -o で指定してください: chosahyo split <マスター.xlsx> -o <フォルダー>",
  "cli.split.bad-shared": "--shared は lead（主担当課だけ）か copy（書かれた課すべて）です。",
  "cli.split.output-not-empty": "{path} にはすでにファイルがあります。上書きしないよう、空のフォルダーか新しいフォルダーを指定してください。",
  "cli.split.output-is-file": "{path} はフォルダーではありません。書き出し先のフォルダーを指定してください。",
  "cli.split.written": "■ {path} に {count} 課のブックを書き出しました。元のファイルは変更していません。",
  "cli.split.file": "  {file}: {count} シート（{sheets}）",
  "cli.summarize.one-input": "summarize には、ブック1つかフォルダー1つを指定してください。",
  "cli.summarize.no-output": "書き出すファイルを -o で指定してください（例: -o 集計.xlsx）。",
  "cli.summarize.macro-extension": "{path} はマクロ（VBA）を含むブックから作るため、書き出し先の拡張子を .xlsm にしてください（.xlsx のままでは Excel で開けません）。",
  "cli.summarize.previous-folder": "--previous は、ブック1つを集計するときに指定できます（フォルダーの集計には使えません）。",
  "cli.summarize.same-path": "書き出し先 {path} は読み込むファイルと同じです。元のファイルは上書きしません。別の名前を指定してください。",
  "cli.summarize.output-unwritable": "{path} に書き出せません（{reason}）。",
  "cli.summarize.written": "■ {path} に書き出しました（{count} シート）",
  "cli.summarize.sheet": "  {name}",
  "cli.summarize.renamed": "  {name}（同じ名前の利用者のシート「{requested}」があるため、この名前で作成しました）",
  "cli.validate.skipped-consolidated": "{path}: 調査票チェッカーが {count} ファイルを集計したブックです。提出されたブックと重なるため、チェックしませんでした（このファイルだけを指定すればチェックします）。",
  "cli.validate.nothing-checked": "チェックする提出のブックがありませんでした（集計したブックや、回収で取り込んだ元のブックだけでした）。",
  "cli.collect.passed-over": "{path}: {reason}フォルダーにあったため、取り込みの対象から外しました。",
  "cli.summarize.skipped-master": "{path}: 回収で各課の返送を取り込んだ元のブックです。提出されたブックではないため、読み込みませんでした（このブックだけを指定すれば集計します）。",
  "cli.validate.skipped-master": "{path}: 回収で各課の返送を取り込んだ元のブックです。提出されたブックと重なるため、チェックしませんでした（このファイルだけを指定すればチェックします）。",
  "cli.summarize.skipped-consolidated": "{path}: 調査票チェッカーが {count} ファイルを集計したブックです。提出されたブックではないため、読み込みませんでした。",
  "cli.validate.skipped-master-copy": "{path}: 配布の元のブック（またはその写し）です。各課の返送と重なるため、チェックしませんでした（このファイルだけを指定すればチェックします）。",
  "cli.summarize.skipped-master-copy": "{path}: 配布の元のブック（またはその写し）です。提出されたブックではないため、読み込みませんでした（このブックだけを指定すれば集計します）。",
  "cli.summarize.nothing-read": "集計する提出のブックがないため、何も書き出していません。",
  "cli.summarize.sources": "読み込んだブック: {files}（記録 {records} 件）",
  "cli.summarize.shared": "このブックは共有ブック（従来の共有機能）です。共有ブックにはテーブルを置けないため、一覧は見出しにフィルターを付けました。",
  "cli.summarize.errors": "エラーの指摘が {count} 件あります。内容は「検証結果」シートを確認してください。",
  "cli.compare.usage": [
    "chosahyo compare <前年度.xlsx> <今年度.xlsx> [--json] [-o 書き出し先.xlsx] [--lang ja|en] [--stage 提出前|本部評価後] [--profile …] [--timeout 秒]",
    "  前年度比較: 2年度の調査票を取組ごとに比べ（評価・実施状況の上下、指標の改善・悪化、前年度と同じ文章、なくなった取組）、前年度と比べた指摘を示します。",
    "  -o で、今年度のブックに前年度比較シートを加えて新しいファイルに書き出します。summarize --previous <前年度.xlsx> は集計シートに前年度比較を加えます。",
    "  chosahyo validate <ファイル> --previous <前年度.xlsx> で、検証に前年度と比べた指摘を加えます。どちらのファイルにも書き込みません。",
  ].join("\n"),
  "cli.compare.two-inputs": "compare には、前年度のブックと今年度のブックをこの順に指定してください: chosahyo compare <前年度.xlsx> <今年度.xlsx>",
  // ---- CLI: why a file could not be read or written (src/cli/fs-reason.ts)
  "cli.fs.ENOENT": "フォルダーまたはファイルがありません",
  "cli.fs.EISDIR": "フォルダーです。ファイル名まで指定してください",
  "cli.fs.ENOTDIR": "パスの途中にフォルダーでないものがあります",
  "cli.fs.EACCES": "権限がないか、Excel などのほかのプログラムが開いています",
  "cli.fs.EBUSY": "Excel などのほかのプログラムが開いています",
  "cli.fs.ENOSPC": "ディスクの空きが足りません",
  "cli.fs.EROFS": "読み取り専用の場所です",
  "cli.fs.ENAMETOOLONG": "名前が長すぎます",
  "cli.fs.reason": "{words}: {code}",
} as const;

export type CliMessageKey = keyof typeof cliJa;
