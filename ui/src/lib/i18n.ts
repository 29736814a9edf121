// Fluent messages from the repository's locales/, the same files the Rust side uses.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export type Language = "ky" | "ru";
export const LANGUAGES: Language[] = ["ky", "ru"];

const sources = import.meta.glob("../../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export function buildBundle(language: Language, files: Record<string, string> = sources): FluentBundle {
  // Kyrgyz has no plural categories of its own in Fluent's data; Russian does.
  const bundle = new FluentBundle(language, { useIsolating: false });
  for (const [path, source] of Object.entries(files)) {
    if (!path.includes(`/locales/${language}/`)) continue;
    const errors = bundle.addResource(new FluentResource(source));
    for (const error of errors) console.error(`locales ${path}: ${error.message}`);
  }
  return bundle;
}

const bundles: Record<Language, FluentBundle> = {
  ky: buildBundle("ky"),
  ru: buildBundle("ru"),
};

export type Args = Record<string, string | number | null | undefined>;

/** Formats a message; a missing id shows the id itself, so a gap is visible, not blank. */
export function format(bundle: FluentBundle, id: string, args?: Args): string {
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  const fluentArgs: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(args ?? {})) {
    if (value !== null && value !== undefined) fluentArgs[name] = value;
  }
  return bundle.formatPattern(message.value, fluentArgs);
}

export function translate(language: Language, id: string, args?: Args): string {
  return format(bundles[language], id, args);
}

/** Whether the language has a message with this id. */
export const hasMessage = (language: Language, id: string): boolean => bundles[language].hasMessage(id);
