/**
 * Types for the two `natural` submodules we import directly. Importing the package root costs
 * ~1.1 s and ~157 MB (it pulls database adapters); these files load in ~15 ms but ship no typings.
 */
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module "natural/lib/natural/tokenizers/regexp_tokenizer.js" {
  export class WordTokenizer {
    tokenize(text: string): string[];
  }
}
