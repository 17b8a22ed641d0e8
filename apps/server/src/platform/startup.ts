/** Process-wide startup state that health reports: the closed-loop demo fills in after the server is up. */
export const startup = { demoLoading: false };
