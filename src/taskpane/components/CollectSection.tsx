/**
 * 回収 in the 年度 tab: pick the returned workbooks, read the preview (nothing is written yet), then 取り込む or
 * 取り消す. Text from the files is shown as React text, never as HTML.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useLang, useT } from "../i18n";
import type { Collect } from "../use-collect";
import { takePickedFiles } from "../picked-files";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  preview: { margin: 0, alignSelf: "stretch", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  file: { margin: 0, fontSize: tokens.fontSizeBase200, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
  accept: { alignSelf: "start" },
  bar: { alignSelf: "stretch" },
  hidden: { display: "none" },
  notice: { whiteSpace: "pre-line" },
});

export function CollectSection({ collect, disabled }: { readonly collect: Collect; readonly disabled?: boolean }) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const busy = disabled || !!collect.running;
  const preview = collect.preview?.(lang);
  return (
    <section className={styles.section} aria-labelledby="cycle-collect" data-testid="cycle-collect">
      <h2 id="cycle-collect" className={styles.heading}>
        {tr("pane.collect.title")}
      </h2>
      <p className={styles.note}>{tr("pane.collect.help")}</p>
      {!collect.canCollect ? (
        <MessageBar intent="info" layout="multiline" className={styles.bar} data-testid="collect-unavailable">
          <MessageBarBody>{tr("pane.collect.unavailable")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <input
            ref={input}
            type="file"
            multiple
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            aria-label={tr("pane.collect.file")}
            data-testid="collect-files"
            onChange={(e) =>
              void takePickedFiles(e.target).then((files) => {
                if (files.length > 0) void collect.choose(files);
              })
            }
          />
          <Button disabled={busy} onClick={() => input.current?.click()}>
            {tr("pane.collect.choose")}
          </Button>
        </>
      )}
      {collect.running === "preview" ? <p role="status" className={styles.note}>{tr("pane.collect.checking")}</p> : null}
      {preview ? (
        <div className={styles.preview} data-testid="collect-preview">
          <p className={styles.note}>{tr("pane.collect.preview")}</p>
          {preview.map((p, i) => (
            <div key={i} className={styles.preview}>
              <p className={styles.file} data-testid="collect-file">
                {p.lines.map((l) => l.trim()).join("\n")}
              </p>
              {p.held || p.accepted ? (
                <Button size="small" className={styles.accept} disabled={busy} data-testid="collect-accept" onClick={() => void collect.toggleAccept(p.file)}>
                  {tr(p.accepted ? "pane.collect.unaccept" : "pane.collect.accept")}
                </Button>
              ) : null}
            </div>
          ))}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || !collect.canConfirm} onClick={() => void collect.confirm()}>
              {tr("pane.collect.confirm")}
            </Button>
            <Button disabled={busy} onClick={collect.cancel}>
              {tr("pane.collect.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
      {collect.running === "apply" ? <p role="status" className={styles.note}>{tr("pane.collect.running")}</p> : null}
      {collect.notice ? (
        <MessageBar intent={collect.notice.intent} layout="multiline" className={styles.bar} data-testid="collect-notice">
          <MessageBarBody className={styles.notice}>{collect.notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {collect.lines?.length ? (
        <ul className={styles.lines} data-testid="collect-lines">
          {collect.lines.map((line, i) => (
            <li key={i}>{line(lang)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
