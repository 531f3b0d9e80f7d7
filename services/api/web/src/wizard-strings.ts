// Every word the connect wizard shows a person, in each language a connect session can ask
// for (`locale`). English is the reference: the French catalog has its type, so TypeScript
// refuses a missing or an extra key. Strings with values are functions of them.
//
// What the API says itself (error messages, a connection's `statusReason`, provider hints,
// log sentences, the connector's own labels) arrives in English and is shown as it is; only
// the wizard's sentences around it are here.
//
// French typography: a no-break space (`\u00a0`) before `:`, `;` and `?`, typographic
// apostrophes, "vous" throughout.

import { sharedEnglish } from './common.js'
import type { SharedWords } from './common.js'

const en = {
  ...sharedEnglish,
  /** The page's `lang` in this language. */
  lang: 'en',
  // The page.
  heading: 'Connect your accounts',
  /** The document title once the tenant is known. */
  documentTitle: (tenant: string) => `Connect your accounts to ${tenant}`,
  skipToContent: 'Skip to content',
  done: 'Done',
  loading: 'Loading…',
  linkNotValid: 'This connect link is not valid or has expired. Go back to the application and open it again.',
  noLink: 'Open this page from the link the application gives you.',
  couldNotLoad: 'Could not load your connections',
  linkValidUntil: (time: string) => `Link valid until ${time}`,
  nothingToConnect: 'There is nothing to connect here yet.',
  somethingWentWrong: 'Something went wrong',
  takingYouBack: (tenant: string) => `Taking you back to ${tenant}…`,

  // Embedding.
  cannotEmbed: 'This page cannot be embedded here',
  originNotAllowed: (origin: string) =>
    `This page (${origin}) is not allowed to embed the connect wizard. Ask the application to add it to its embedding origins.`,
  openerGone: 'The page that opened this window is gone.',

  // Searching the connectors.
  searchConnectors: 'Search connectors',
  searchPlaceholder: 'Type a name',
  noConnectorMatches: (typed: string) => `No connector matches "${typed}".`,

  // A connector's form for a new connection.
  addConnection: (connector: string) => `Add a connection to ${connector}`,
  connectConnector: (connector: string) => `Connect ${connector}`,
  saveAndConnect: 'Save and connect',
  howToConnect: 'How do you want to connect?',
  connectionName: 'Name for this connection',
  connectionNameHelp: 'Optional; helps you tell several connections apart.',
  notAvailable: (connector: string) =>
    `${connector} is not available yet: the application has not set up its ${connector} app.`,
  permissionsToGrant: 'Permissions to grant',
  /** Beside a permission the application's actions need. */
  neededMark: ' (needed)',
  usedBy: (actions: string) => `Used by: ${actions}`,
  yourOAuthApp: (connector: string) => `Your ${connector} OAuth app`,
  registerRedirectUri: (connector: string) =>
    `Register this redirect URI in your ${connector} app, then give its client id and secret.`,
  redirectUri: 'Redirect URI',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  /** The title of the popup until the provider's page arrives. */
  connectingTitle: 'Connecting…',

  // Field problems the page finds itself, before asking the API.
  fieldsNeedChange: 'Some fields need a change',
  fieldRequired: (label: string) => `${label} is required.`,
  fieldNotValid: (label: string) => `${label} is not valid.`,

  // A connection's card.
  cardLabel: (title: string, status: string) => `${title}: ${status}`,
  connect: 'Connect',
  grantMoreAccess: 'Grant more access',
  reconnect: 'Reconnect',
  checkConnection: 'Check connection',
  updateCredentials: 'Update credentials',
  /** "API key" keeps its capitals; "Personal access token" reads "personal access token". */
  replaceCredential: (label: string) =>
    `Replace ${/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)}`,
  remove: 'Remove',
  disconnect: 'Disconnect',
  log: 'Log',
  save: 'Save',
  connectedWith: 'Connected with',
  lastUsed: 'Last used',
  lastChecked: 'Last checked',
  grantedScopes: 'Granted scopes',
  requestedScopes: 'Requested scopes',
  needsMoreAccess: (connector: string, scopes: string) =>
    `Needs more access for what ${connector} will be used for: ${scopes}. `,
  grantMoreAccessHint: 'Choose Grant more access to approve only that; the connection keeps working meanwhile.',

  // Disconnecting, asked first.
  cancel: 'Cancel',
  yesDisconnect: 'Yes, disconnect',
  disconnectQuestionLabel: (title: string) => `Disconnect ${title}?`,
  disconnectQuestion: (title: string, connector: string) =>
    `Disconnect ${title}? The application loses access, and ${connector} is asked to revoke it.`,

  // Outcomes, said on the card they concern.
  /** A title and its detail in one sentence: "The connection works: Team: acme". */
  withDetail: (title: string, detail: string) => `${title}: ${detail}`,
  authorizationCompleted: 'Authorization completed successfully',
  couldNotComplete: 'The connection could not be completed',
  accountConnected: 'Your account is connected.',
  connected: (connector: string) => `${connector} is connected`,
  newCredentialsSaved: 'New credentials saved',
  refusedCredentials: (connector: string) => `${connector} refused these credentials`,
  notVerifiedYet: (outcome: string, reason: string) =>
    `${outcome}, but not verified yet: ${reason}. Choose Check connection to try again.`,
  connectionWorks: 'The connection works',
  connectionDoesNotWork: 'The connection does not work',
  couldNotCheck: 'Could not check the connection',
  couldNotStart: 'Could not start the connection',
  popupBlocked: (connector: string) =>
    `Your browser blocked the ${connector} window. Allow pop-ups for this page, then choose Connect again.`,
  takingYouTo: (connector: string) => `Taking you to ${connector}…`,
  waitingFor: (connector: string) =>
    `Waiting for ${connector}: approve access in the window that opened. This page updates when you are done.`,
  popupClosedEarly: (connector: string) =>
    `The ${connector} window was closed before it finished, so nothing changed. Choose Connect to try again.`,
  couldNotRemove: (reason: string) => `Could not remove it: ${reason}`,
  removedCard: (title: string) => `Removed the ${title} card`,
  disconnected: (connector: string) =>
    `Disconnected. The application can no longer use it, and ${connector} is being asked to revoke its access.`,
  couldNotDisconnect: (reason: string) => `Could not disconnect: ${reason}`
}

/** Every word of the connect wizard: the English catalog's shape, which every language has. */
export type WizardStrings = typeof en

/** A connection's status as the API names it (`connected`), as French words for its card's label. */
const FRENCH_STATUS: Record<string, string> = {
  configured: 'pas encore connectée',
  connected: 'connectée',
  error: 'en erreur',
  disconnected: 'déconnectée'
}

/** The shared helpers' words in French (a connection's state, times, fields). */
const sharedFrench: SharedWords = {
  language: 'fr',
  stateDisconnected: 'Déconnectée',
  stateNeedsReconnection: (reason) => (reason === null ? 'À reconnecter' : `À reconnecter\u00a0: ${reason}`),
  stateNotConnectedYet: 'Pas encore connectée',
  stateNotVerifiedYet: (reason) => `Pas encore vérifiée\u00a0: ${reason}`,
  stateWorking: 'Opérationnelle',
  stateConnectedNotUsed: 'Connectée, pas encore utilisée',

  never: 'jamais',
  noEvents: 'Aucun événement pour l’instant.',
  required: 'obligatoire',
  whereToFind: (label) => `Où trouver votre ${label}\u00a0?`,
  copy: 'Copier',
  copied: 'Copié',
  selectAndCopy: 'Sélectionnez et copiez',
  unreachable: 'Impossible de joindre Latchkey. Vérifiez votre connexion et réessayez.',
  requestFailed: (status) => `la requête a échoué (${status})`
}

const fr: WizardStrings = {
  ...sharedFrench,
  lang: 'fr',
  heading: 'Connectez vos comptes',
  documentTitle: (tenant) => `Connectez vos comptes à ${tenant}`,
  skipToContent: 'Aller au contenu',
  done: 'Terminé',
  loading: 'Chargement…',
  linkNotValid:
    'Ce lien de connexion n’est pas valide ou a expiré. Revenez dans l’application et ouvrez-le de nouveau.',
  noLink: 'Ouvrez cette page depuis le lien que vous donne l’application.',
  couldNotLoad: 'Impossible de charger vos connexions',
  linkValidUntil: (time) => `Lien valable jusqu’à ${time}`,
  nothingToConnect: 'Il n’y a encore rien à connecter ici.',
  somethingWentWrong: 'Une erreur est survenue',
  takingYouBack: (tenant) => `Retour vers ${tenant}…`,

  cannotEmbed: 'Cette page ne peut pas être intégrée ici',
  originNotAllowed: (origin) =>
    `Cette page (${origin}) n’est pas autorisée à intégrer l’assistant de connexion. Demandez à l’application de l’ajouter à ses origines d’intégration.`,
  openerGone: 'La page qui a ouvert cette fenêtre n’existe plus.',

  searchConnectors: 'Rechercher un service',
  searchPlaceholder: 'Saisissez un nom',
  noConnectorMatches: (typed) => `Aucun service ne correspond à «\u00a0${typed}\u00a0».`,

  addConnection: (connector) => `Ajouter une connexion à ${connector}`,
  connectConnector: (connector) => `Connecter ${connector}`,
  saveAndConnect: 'Enregistrer et connecter',
  howToConnect: 'Comment souhaitez-vous vous connecter\u00a0?',
  connectionName: 'Nom de cette connexion',
  connectionNameHelp: 'Facultatif\u00a0; pratique pour distinguer plusieurs connexions.',
  notAvailable: (connector) =>
    `${connector} n’est pas encore disponible\u00a0: l’application n’a pas encore configuré son application ${connector}.`,
  permissionsToGrant: 'Autorisations à accorder',
  neededMark: ' (nécessaire)',
  usedBy: (actions) => `Sert à\u00a0: ${actions}`,
  yourOAuthApp: (connector) => `Votre application OAuth ${connector}`,
  registerRedirectUri: (connector) =>
    `Enregistrez cette URI de redirection dans votre application ${connector}, puis indiquez son identifiant client et son secret.`,
  redirectUri: 'URI de redirection',
  clientId: 'Identifiant client',
  clientSecret: 'Secret client',
  connectingTitle: 'Connexion en cours…',

  fieldsNeedChange: 'Certains champs sont à corriger',
  fieldRequired: (label) => `Le champ ${label} est obligatoire.`,
  fieldNotValid: (label) => `Le champ ${label} n’est pas valide.`,

  cardLabel: (title, status) => `${title}\u00a0: ${FRENCH_STATUS[status] ?? status}`,
  connect: 'Connecter',
  grantMoreAccess: 'Accorder plus d’accès',
  reconnect: 'Reconnecter',
  checkConnection: 'Vérifier la connexion',
  updateCredentials: 'Mettre à jour les identifiants',
  // The connector's label stays as it is written: French does not lower-case a field's name here.
  replaceCredential: (label) => `Remplacer\u00a0: ${label}`,
  remove: 'Supprimer',
  disconnect: 'Déconnecter',
  log: 'Historique',
  save: 'Enregistrer',
  connectedWith: 'Mode de connexion',
  lastUsed: 'Dernière utilisation',
  lastChecked: 'Dernière vérification',
  grantedScopes: 'Autorisations accordées',
  requestedScopes: 'Autorisations demandées',
  needsMoreAccess: (connector, scopes) =>
    `L’usage prévu de ${connector} demande des accès supplémentaires\u00a0: ${scopes}. `,
  grantMoreAccessHint:
    'Choisissez Accorder plus d’accès pour n’approuver que ceux-ci\u00a0; la connexion continue de fonctionner en attendant.',

  cancel: 'Annuler',
  yesDisconnect: 'Oui, déconnecter',
  disconnectQuestionLabel: (title) => `Déconnecter ${title}\u00a0?`,
  disconnectQuestion: (title, connector) =>
    `Déconnecter ${title}\u00a0? L’application perd l’accès, et nous demandons à ${connector} de le révoquer.`,

  withDetail: (title, detail) => `${title}\u00a0: ${detail}`,
  authorizationCompleted: 'Autorisation accordée',
  couldNotComplete: 'La connexion n’a pas pu aboutir',
  accountConnected: 'Votre compte est connecté.',
  connected: (connector) => `${connector} est connecté`,
  newCredentialsSaved: 'Nouveaux identifiants enregistrés',
  refusedCredentials: (connector) => `${connector} a refusé ces identifiants`,
  notVerifiedYet: (outcome, reason) =>
    `${outcome}, mais la vérification n’a pas encore pu se faire\u00a0: ${reason}. Choisissez Vérifier la connexion pour réessayer.`,
  connectionWorks: 'La connexion fonctionne',
  connectionDoesNotWork: 'La connexion ne fonctionne pas',
  couldNotCheck: 'Impossible de vérifier la connexion',
  couldNotStart: 'Impossible de lancer la connexion',
  popupBlocked: (connector) =>
    `Votre navigateur a bloqué la fenêtre ${connector}. Autorisez les fenêtres pop-up pour cette page, puis choisissez de nouveau Connecter.`,
  takingYouTo: (connector) => `Redirection vers ${connector}…`,
  waitingFor: (connector) =>
    `En attente de ${connector}\u00a0: autorisez l’accès dans la fenêtre qui vient de s’ouvrir. Cette page se mettra à jour une fois que ce sera fait.`,
  popupClosedEarly: (connector) =>
    `La fenêtre ${connector} a été fermée avant la fin, rien n’a donc changé. Choisissez Connecter pour réessayer.`,
  couldNotRemove: (reason) => `Impossible de supprimer cette connexion\u00a0: ${reason}`,
  removedCard: (title) => `La carte ${title} a été supprimée`,
  disconnected: (connector) =>
    `Connexion coupée. L’application ne peut plus l’utiliser, et nous demandons à ${connector} de révoquer son accès.`,
  couldNotDisconnect: (reason) => `Impossible de déconnecter\u00a0: ${reason}`
}

const CATALOGS: Record<string, WizardStrings> = { en, fr }

/**
 * The wizard's words in a connect session's language; English for a language it does not have.
 *
 * @defaultValue English
 * @see {@link https://www.rfc-editor.org/rfc/rfc5646 | RFC 5646} for the language tags (`en`, `fr`)
 */
export function stringsFor(locale: string): WizardStrings {
  return Object.hasOwn(CATALOGS, locale) ? CATALOGS[locale]! : en
}
