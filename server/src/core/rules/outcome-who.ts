import * as l10n from '@vscode/l10n';
import { keyRange, valueSubRange } from '../parser';
import { eachStatement, firstSentence, reportPrompt } from './prose';
import type { Rule } from './rule';

/**
 * A phrase that opens a sentence before its subject: "In 2024,", "During the second half of the year,", "<redacted>,".
 * Bounded, and each part is followed by a character it cannot match, so it cannot backtrack.
 */
const LEADING_PHRASE = /^\s*(?:(?:In|During|Since|By|After|Between|From|At|Over|On|Within|Following|Throughout|Early|Late)\b[^,\n]{0,120},|<[A-Za-z][A-Za-z0-9_ -]{0,30}>\s*,)\s*/;

/** The programme as the subject of its own activity: "we organised", "the project trained". */
const OUR_ACTIVITY =
  /^(?:we|our (?:team|organi[sz]ation|partners?|staff)|the (?:project|programme|program|project team|programme team|implementing partners?)|(?:project|programme|program) (?:staff|team))\s+(?:(?:have|has|had)\s+)?(?:organi[sz]ed|trained|held|conducted|facilitated|provided|delivered|implemented|distributed|hosted|ran|carried out|supported|funded|arranged|offered|prepared|produced|coached|mentored|sensiti[sz]ed|raised awareness)\b/i;
/** An activity as the subject of a passive: "workshops were held", "a series of trainings was conducted". */
const ACTIVITY_HELD =
  /^(?:(?:a|an|the|several|many|two|three|four|five|\d+)\s+)?(?:(?:series|number)\s+of\s+)?(?:[A-Za-z'’-]+\s+){0,3}?(?:workshops?|trainings?|sessions?|meetings?|campaigns?|activities|courses?|seminars?|consultations?|events?|conferences?|webinars?|dialogues?|visits?)\s+(?:were|was|have been|has been)\s+(?:organi[sz]ed|held|conducted|delivered|carried out|implemented|facilitated|provided|run|given|offered|hosted|arranged)\b/i;
/** Words that show a change that followed the activity: then the text tells an outcome after all. */
const CHANGE_FOLLOWED = /\b(?:as a result|since then|after that|afterwards|following (?:this|these|that|the)|which led|who then|then (?:started|began)|started to|began to|have since|has since|now\b)/i;

/** A change with no one who changed: "Increased awareness of …", "Improved access to …". */
const NO_SUBJECT = /^(?:Increased|Improved|Enhanced|Strengthened|Heightened|Raised|Reduced|Expanded|Established|Created|Adopted|Developed|Greater|Better|Stronger)\s+(?!numbers?\s+of\b)[a-z]/;
/** A change in the passive with no "by": "A coalition was formed." Who formed it? */
const AGENTLESS_PASSIVE = /^(?:a|an|the)\s+(?:[A-Za-z'’-]+\s+){0,4}?(?:was|were|has been|have been)\s+(?:formed|established|created|adopted|set up|founded|launched|passed|approved|signed|introduced|built)\b/i;
/** The agent of a passive: "was formed by the district council". */
const BY = /\bby\b/i;

/**
 * Outcome, not output: an outcome is a change in a social actor's behaviour, relationships, actions, policies or
 * practice. The outcome statement (the `story` role) names no one who changed, or its first sentence tells the
 * programme's own activity. English only; conservative: a pattern must open the first sentence.
 */
export const outcomeWho: Rule = {
  code: 'outcome-who',
  describe: () => l10n.t("The outcome statement names no one who changed, or reads like the programme's own activity (an output)."),
  check(context) {
    const { outcome, minWords } = context.schema.quality;
    // The same two messages for each record: translated once per check.
    let anOutput: string | undefined;
    let noActor: string | undefined;
    eachStatement(
      context,
      outcome,
      (field, text) => {
        const lead = LEADING_PHRASE.exec(text)?.[0].length ?? 0;
        // Markers stand for names: a redacted subject is still a subject.
        const sentence = firstSentence(text.slice(lead));
        const activity = OUR_ACTIVITY.exec(sentence) ?? ACTIVITY_HELD.exec(sentence);
        if (activity && !CHANGE_FOLLOWED.test(text)) {
          return reportPrompt(
            context,
            'outcome-who',
            outcome,
            valueSubRange(field, lead, lead + activity[0].length),
            (anOutput ??= l10n.t('This reads like an output of the programme, not an outcome. What changed in someone else because of it: who does what differently?')),
          );
        }
        if (NO_SUBJECT.test(sentence) || (AGENTLESS_PASSIVE.test(sentence) && !BY.test(sentence))) {
          noActor ??= l10n.t('This outcome does not say who changed. Which person, group or organisation did something differently?');
          return reportPrompt(context, 'outcome-who', outcome, keyRange(field), noActor);
        }
        return false;
      },
      { minWords },
    );
  },
};
