// Why a screening hit scored what it scored, in the matcher's own terms: which words aligned
// (how, how alike, how much they weigh), which were left over, the name score, and each piece
// of evidence that moved the score. One component for every screen that shows a hit.
import { Content } from "@patternfly/react-core";
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { ScreeningExplanation as Explanation } from "../../api";

const HOW: Record<string, string> = {
  exact: "same word",
  "jaro-winkler": "spelt alike",
  phonetic: "sounds alike",
  initial: "initial",
  short: "short word, one edit apart",
  joined: "two words joined",
  split: "one word split",
};

const FEATURE: Record<string, string> = {
  country: "Country",
  birthDate: "Date of birth",
  type: "Type",
  weakAlias: "Weak alias",
  differentGivenName: "Different given name",
  differentWord: "Different word",
};

export const howWords = (how: string) => HOW[how] ?? how;
export const featureWords = (feature: string) => FEATURE[feature] ?? feature;

const fixed = (n: number, digits = 2) => Number(n).toFixed(digits);

function tokens(list: { token: string; weight: number }[]): string {
  return list.length === 0
    ? "none"
    : list.map((t) => `“${t.token}” (weight ${fixed(t.weight)})`).join(", ");
}

export function ScreeningExplanation({ explanation: e }: { explanation: Explanation }) {
  return (
    <div className="clearance-explanation">
      <Content component="p">
        “{e.queryName}” against “{e.listedName}” (
        {e.listedNameKind.toLowerCase().replace(/_/g, " ")} name), {e.algorithm}: name score{" "}
        <strong>{fixed(e.nameScore, 3)}</strong>, final score <strong>{fixed(e.score, 3)}</strong>.
      </Content>
      {e.aligned.length > 0 && (
        <Table aria-label={`Aligned words of ${e.listedName}`} variant="compact" borders={false}>
          <Thead>
            <Tr>
              <Th modifier="wrap">Searched word</Th>
              <Th modifier="wrap">Listed word</Th>
              <Th modifier="wrap">How</Th>
              <Th modifier="wrap">Similarity</Th>
              <Th modifier="wrap">Weight</Th>
            </Tr>
          </Thead>
          <Tbody>
            {e.aligned.map((a, i) => (
              <Tr key={i}>
                <Td dataLabel="Searched word">{a.queryTokens}</Td>
                <Td dataLabel="Listed word">{a.listedTokens}</Td>
                <Td dataLabel="How">{howWords(a.how)}</Td>
                <Td dataLabel="Similarity">{fixed(a.similarity)}</Td>
                <Td dataLabel="Weight">{fixed(a.weight)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Content component="p" className="pf-v6-u-mt-sm">
        Unmatched in the searched name: {tokens(e.unmatchedQueryTokens)}. Unmatched in the listed
        name: {tokens(e.unmatchedListedTokens)}.
      </Content>
      {e.evidence.length === 0 ? (
        <Content component="p">No other evidence changed the score.</Content>
      ) : (
        <Content component="ul" aria-label="Evidence">
          {e.evidence.map((ev, i) => (
            <Content component="li" key={i}>
              <strong>{featureWords(ev.feature)}</strong>: {ev.detail} — {ev.effect}, score then{" "}
              {fixed(ev.scoreAfter, 3)}
            </Content>
          ))}
        </Content>
      )}
    </div>
  );
}

/**
 * A hit's explanation as the full-width row under the hit in a table of hits: inside one of
 * the table's own columns it made the table wider than its page at 1280 px.
 */
export function ExplanationRow({
  explanation,
  isExpanded,
  colSpan,
}: {
  explanation: Explanation;
  isExpanded: boolean;
  colSpan: number;
}) {
  return (
    <Tr isExpanded={isExpanded}>
      {/* no data label: in the narrow layout it was drawn over the row's left border */}
      <Td colSpan={colSpan}>
        <ExpandableRowContent>
          {isExpanded && <ScreeningExplanation explanation={explanation} />}
        </ExpandableRowContent>
      </Td>
    </Tr>
  );
}
