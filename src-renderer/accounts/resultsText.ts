/**
 * The line above the results: how many children the whole search found (not only the page on
 * screen), how many of them are listed, and the keys. "89 bambini trovati, in elenco i primi 20:
 * Pag↓ per gli altri. Frecce per scegliere, Invio per aprire."
 */
export function resultsCountText(totalChildren: number, childrenListed: number, accountsListed: number): string {
  const found = totalChildren === 1 ? '1 bambino trovato' : `${totalChildren} bambini trovati`;
  const listed =
    childrenListed < totalChildren
      ? `, in elenco i primi ${childrenListed}: Pag↓ per gli altri`
      : accountsListed > totalChildren
        ? ` (${accountsListed} conti)`
        : '';
  return `${found}${listed}. Frecce per scegliere, Invio per aprire.`;
}
