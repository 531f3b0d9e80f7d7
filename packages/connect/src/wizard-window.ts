/** Where the wizard is shown: the modal's iframe or the popup, as {@link connect} drives it. */
export interface WizardWindow {
  /** The wizard's window: the only one whose messages are read. */
  readonly window: Window
  /** Takes the wizard away (removes the modal, closes the popup) and stops listening; called once. */
  remove(): void
}
