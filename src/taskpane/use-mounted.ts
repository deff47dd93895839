/** Whether the component is still mounted: an action that finishes after the pane moved on sets no state. */
import { type MutableRefObject, useEffect, useRef } from "react";

export function useMounted(): MutableRefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
