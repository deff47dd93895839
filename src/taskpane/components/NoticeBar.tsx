/** A view's notice: its text in the current language, and the button of its way out when it offers one. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useLang } from "../i18n";
import type { Notice } from "../use-checker";

export function NoticeBar({ notice }: { readonly notice: Notice }) {
  const { lang } = useLang();
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.text(lang)}</MessageBarBody>
      {notice.action ? (
        <MessageBarActions>
          <Button size="small" onClick={notice.action.run}>
            {notice.action.label(lang)}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
