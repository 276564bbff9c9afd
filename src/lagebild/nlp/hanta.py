"""HanTa's tagger with a faster word analysis: the same numbers, fewer repeated computations.

`HanoverTagger.analyze_forward` (the Viterbi pass that gives each part of speech of a word its
probability) asks for the probability of every segment of the word under every tag that may follow
each state kept in a row, 150 tags; only 11 of them give unknown morphemes a probability, and most
segments are no known morpheme, so nearly every answer is -inf and changes nothing.
`FastHanoverTagger` looks each segment up once among the known morphemes and asks only the tags
that can answer; everything else is as HanTa does it (the same additions in the same order, the
same table order), so its results are HanTa's to the last bit.
The extractors ask HanTa about every new capitalised word of an article (issue 21).
"""
from __future__ import annotations

import math
from operator import itemgetter

from HanTa.HanoverTagger import EMPTY, END_UNKNOWN, START, UNKNOWN, HanoverTagger, logaddexp

# answers each memo of `FastHanoverTagger` keeps before it starts again: as many words as the word caches in front
# of it (nlp.compounds, 65,536) - a word asked again in another casing is asked soon after, and an answer is ~0.5 kB
# and a list the collector traverses, so 200,000 of each (the first bound) were ~220 MB in a long build
MEMO_SIZE = 65_536


class FastHanoverTagger(HanoverTagger):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # morpheme -> {tag: log p(morpheme | tag)}: the known morphemes by segment, not by tag
        self._morphemes: dict[str, dict[int, float]] = {}
        for tag, lps in self.LP_m_t.items():
            for m, lp in lps.items():
                self._morphemes.setdefault(m, {})[tag] = lp
        # tags that give a probability to unknown morphemes too where not strict (lp_m_t guesses from their
        # suffix): analyze_viterbi's second run guesses whatever self.strict says, analyze_forward only if not strict
        self._guessing = frozenset(t for t in self.LP_m_t if t in self.LP_hapax_t and t in self.LP_s_t)
        self._open = frozenset() if self.strict else self._guessing
        # lp_m_t's guess for an unknown morpheme under a guessing tag, its parts that do not depend on it: its first
        # sum done once per tag and length k (Int_t + LP_hapax_t + LP_len_t[min(k, 24)], the same float as lp_m_t's
        # left-to-right sum) and the tag's suffix table
        self._guess = {t: (tuple(self.Int_t + self.LP_hapax_t[t] + self.LP_len_t[t][min(k, 24)] for k in range(25)),
                           self.LP_s_t[t]) for t in self._guessing}
        self._open_followup = {state: [(t, lp) for t, lp in followup if t in self._open]
                               for state, followup in self.LP_trans_nonfinal.items()}
        # answers kept across words (each a pure function of its key, so asking again gives the same floats): a
        # word's forward pass (HanTa lowercases a word first, and the extractors ask a word in several casings:
        # 'Rat' and 'rat') and its best split under a tag (its lemma and its compound split read the same split)
        self._forward: dict[str, list] = {}
        self._viterbi: dict[tuple[str, int], list] = {}

    def _kept(self, memo: dict, key, make):
        """memo[key], made by make() when not there; a memo past MEMO_SIZE answers starts again (bounded memory
        for a long build)."""
        out = memo.get(key)
        if out is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            out = memo[key] = make()
        return out

    def analyze_forward(self, word):
        """`_analyze_forward`, once per word."""
        return self._kept(self._forward, word, lambda: self._analyze_forward(word))

    def analyze_viterbi(self, word, targetpos):
        """`_analyze_viterbi`, once per word and part of speech."""
        return self._kept(self._viterbi, (word, targetpos), lambda: self._analyze_viterbi(word, targetpos))

    def _analyze_forward(self, word):
        """HanTa's analyze_forward: a segment that is no known morpheme is tried under the open tags
        only (under any other lp_m_t is -inf, which changes nothing), and only where a guess can give it a
        probability (`_segments`)."""
        lowerbound = -1e6
        wlen = len(word)
        open_tags, guessed = self._open, self._guessed
        nonfinal, open_followups = self.LP_trans_nonfinal, self._open_followup
        table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        for i in range(wlen + 1):
            row = table[i]
            if not row:
                continue
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else lowerbound
            segments, known_segments = self._segments(word, i)
            # each segment's guesses, made once per segment and tag however many states ask (`_guessed`'s values)
            guesses: dict[int, dict[int, float]] = {}
            for state, lp in row.items():
                if lp < rowbound:
                    continue
                open_followup = open_followups.get(state, ())
                prev_tag = state[1]
                for j, segment, known in (segments if open_followup else known_segments):
                    cell = table[j]
                    for tag1, lpt in (nonfinal.get(state, ()) if known is not None else open_followup):
                        if known is not None and tag1 in known:
                            lpm = known[tag1]
                        elif tag1 in open_tags:
                            of_segment = guesses.get(j)
                            if of_segment is None:
                                of_segment = guesses[j] = {}
                            lpm = of_segment.get(tag1)
                            if lpm is None:
                                lpm = of_segment[tag1] = guessed(segment, tag1, wlen)
                        else:
                            continue
                        lp1 = lp + lpt + lpm
                        if lp1 > lowerbound:
                            newstate = (prev_tag, tag1)
                            old = cell.get(newstate)
                            if old is None or lp1 > old:
                                cell[newstate] = lp1
        return self._forward_results(table, lowerbound)

    def _segments(self, word, i):
        """The segments word[i:j] a state at i may go on with - (j, segment, its known
        tags or None) - all of them and the known ones. An unknown segment of at most
        two letters in a word of four or more is left out: no tag knows it and no tag may guess it (lp_m_t is
        -inf for it under every tag, which changes nothing)."""
        wlen = len(word)
        morphemes = self._morphemes
        shortest = 3 if wlen >= 4 else 1
        segments = []
        for j in range(i + 1, wlen + 1):
            segment = word[i:j]
            known = morphemes.get(segment)
            if known is not None or j - i >= shortest:
                segments.append((j, segment, known))
        return segments, [x for x in segments if x[2] is not None]

    def _analyze_viterbi(self, word, targetpos):
        """HanTa's analyze_viterbi (the best split of a word of a known part of speech: its lemma, its compound
        parts) with the segments looked up once among the known morphemes (`_segments`, as `analyze_forward`):
        a segment no tag knows is tried only under the tags that guess, and only in the second, not strict, run;
        the same additions, comparisons and order as HanTa's, so the same split."""
        wlen = len(word)
        lowerbound = -1e6
        reachable_t = self.reachability.get(targetpos, frozenset())
        guessing, guessed = self._guessing, self._guessed
        for localstrict in (True, False):
            table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
            backpointer = [{} for _ in range(wlen + 2)]
            for i in range(wlen + 1):
                row = table[i]
                if not row:
                    continue
                rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else lowerbound
                segments = self._segments(word, i)[1 if localstrict else 0]    # strict: the known ones only
                for state, lp in row.items():
                    if lp < rowbound:
                        continue
                    followup = [(t, p) for (t, p) in self.LP_trans_nonfinal.get(state, []) if t in reachable_t]
                    for j, segment, known in segments:
                        cell = table[j]
                        for tag1, lpt in followup:
                            if known is not None and tag1 in known:
                                lpm = known[tag1]
                            elif not localstrict and tag1 in guessing:
                                lpm = guessed(segment, tag1, wlen)
                            else:
                                continue
                            lp1 = lp + lpt + lpm
                            if lp1 > lowerbound:
                                newstate = (state[1], tag1)
                                if newstate not in cell or lp1 > cell[newstate]:
                                    cell[newstate] = lp1
                                    backpointer[j][newstate] = (state, i)
            self._viterbi_final(table, backpointer, targetpos, wlen, lowerbound)
            if len(table[-1]) > 0:
                break
        return self._viterbi_path(table, backpointer)

    def _viterbi_final(self, table, backpointer, targetpos, wlen, lowerbound):
        """The final transitions of HanTa's analyze_viterbi, unchanged."""
        for state in table[-2]:
            lp = table[-2][state]
            for tag1, lpt in self.LP_trans_final.get(state, []):
                if tag1 == targetpos:
                    lp1 = lp + lpt
                    if lp1 > lowerbound:
                        newstate = (state[1], tag1)
                        if newstate not in table[-1] or lp1 > table[-1][newstate]:
                            table[-1][newstate] = lp1
                            backpointer[-1][newstate] = (state, wlen)
                    break

    @staticmethod
    def _viterbi_path(table, backpointer):
        """The end of HanTa's analyze_viterbi, unchanged: the best final state's path back."""
        pmax = -math.inf
        beststate = (EMPTY, EMPTY)
        for state in table[-1]:
            lp = table[-1][state]
            if lp > pmax:
                pmax = lp
                beststate = state
        i = len(backpointer) - 1
        if beststate == (EMPTY, EMPTY):
            states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
        else:
            states = [(beststate, i)]
            state = beststate
            while i > 0:
                state, i = backpointer[i][state]
                states.append((state, i))
            states = states[:-1]
        return [(state[1], i) for (state, i) in states[::-1]]

    def _guessed(self, m, t, wlen):
        """lp_m_t(m, t, wlen, False) for an open tag t that does not know m: the same sums, in the same order (the
        first of them made once, in `_guess`); analyze_forward asks it of every unknown segment under every open tag."""
        mlen = len(m)
        if wlen >= 4 and mlen <= 2:
            return -math.inf
        by_len, LP_s = self._guess[t]
        lp_suf = None
        if mlen > 4:
            lp_suf = LP_s.get(m[-4:])
        if lp_suf is None and mlen > 3:
            lp_suf = LP_s.get(m[-3:])
        if lp_suf is None and mlen > 2:
            lp_suf = LP_s.get(m[-2:])
        if lp_suf is None and mlen > 1:
            lp_suf = LP_s.get(m[-1:])
        if lp_suf is None:
            lp_suf = LP_s['']
        lp = by_len[mlen if mlen < 24 else 24] + lp_suf
        if wlen == mlen:
            lp -= 4.6
        return lp

    def _forward_results(self, table, lowerbound):
        """The end of HanTa's analyze_forward, unchanged: final transitions, probability per tag."""
        for state in table[-2]:
            lp = table[-2][state]
            for tag1, lpt in self.LP_trans_final.get(state, []):
                lp1 = lp + lpt
                if lp1 > lowerbound:
                    newstate = (state[1], tag1)
                    if newstate not in table[-1] or lp1 > table[-1][newstate]:
                        table[-1][newstate] = lp1
        results = {}
        for state in table[-1]:
            lp = table[-1][state]
            if lp == -math.inf:
                continue
            pos = -state[1]
            if pos in results:
                results[pos] = logaddexp(results[pos], lp)
            else:
                results[pos] = lp
        result_list = list(results.items())
        result_list.sort(key=itemgetter(1), reverse=True)
        if len(result_list) == 0:
            result_list = [(UNKNOWN, 0)]
        return result_list
