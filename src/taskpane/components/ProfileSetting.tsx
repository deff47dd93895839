/**
 * 独自プロファイル: load a municipality's profile from a .json file into the workbook's settings, or remove it.
 * A file that does not fit is refused before it is stored, with each bad field named.
 */
import { useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { parseUserProfile } from "../../core/profile/user-profile";
import type { WorkbookSettings } from "../../core/settings";
import { useLang, useT } from "../i18n";
import { profileProblemText } from "../use-checker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: tokens.spacingVerticalXS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  label: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  bar: { alignSelf: "stretch" },
});

/** Blob.text() where there is one; FileReader otherwise (older webviews). */
function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error("unreadable"));
    r.readAsText(file);
  });
}

type Outcome = { kind: "saved"; name: string } | { kind: "rejected"; lines: string[] } | { kind: "unreadable" };

export function ProfileSetting({
  settings,
  disabled,
  onChange,
}: {
  readonly settings: WorkbookSettings;
  readonly disabled?: boolean;
  readonly onChange: (patch: Partial<WorkbookSettings>) => void;
}) {
  const styles = useStyles();
  const tr = useT();
  const { lang } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const stored = settings.profileJson ? parseUserProfile(settings.profileJson) : undefined;

  const load = async (file: File) => {
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setOutcome({ kind: "unreadable" });
      return;
    }
    const r = parseUserProfile(text);
    if (!r.ok) {
      setOutcome({ kind: "rejected", lines: profileProblemText(r, lang).split("; ") });
      return;
    }
    setOutcome({ kind: "saved", name: r.profile.name[lang] });
    onChange({ profileJson: text });
  };

  return (
    <div className={styles.root}>
      <p className={styles.label} id="profile-setting-title">
        {tr("pane.profile.title")}
      </p>
      <p className={styles.note}>{tr("pane.profile.intro")}</p>
      <p className={styles.note} data-testid="profile-current">
        {!stored
          ? tr("pane.profile.none")
          : stored.ok
            ? tr("pane.profile.current", { name: stored.profile.name[lang], id: stored.profile.id })
            : tr("pane.notice.stored-profile-invalid", { path: profileProblemText(stored, lang) })}
      </p>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-labelledby="profile-setting-title"
        data-testid="profile-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void load(file);
        }}
      />
      <div className={styles.buttons}>
        <Button size="small" disabled={disabled} onClick={() => input.current?.click()}>
          {tr("pane.profile.load")}
        </Button>
        {settings.profileJson ? (
          <Button
            size="small"
            disabled={disabled}
            onClick={() => {
              setOutcome(undefined);
              onChange({ profileJson: undefined });
            }}
          >
            {tr("pane.profile.remove")}
          </Button>
        ) : null}
      </div>
      {outcome?.kind === "saved" ? (
        <MessageBar intent="success" layout="multiline" className={styles.bar}>
          <MessageBarBody>{tr("pane.profile.saved", { name: outcome.name })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === "rejected" ? (
        <MessageBar intent="error" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            <MessageBarTitle>{tr("pane.profile.rejected")}</MessageBarTitle>
            <ul className={styles.problems}>
              {outcome.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === "unreadable" ? (
        <MessageBar intent="error" layout="multiline" className={styles.bar}>
          <MessageBarBody>{tr("pane.profile.unreadable")}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
