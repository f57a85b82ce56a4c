// A small Cypher highlighter for CodeMirror 6 (StreamLanguage): keywords, strings, comments, labels, params.
import { StreamLanguage, type StreamParser } from '@codemirror/language';

const KEYWORDS = new Set(
  ('MATCH OPTIONAL WHERE RETURN WITH UNWIND ORDER BY SKIP LIMIT ASC DESC ASCENDING DESCENDING DISTINCT AS AND OR XOR NOT ' +
    'IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END CALL YIELD UNION ALL EXISTS COUNT COLLECT CONTAINS STARTS ENDS ' +
    'CREATE MERGE SET DELETE DETACH REMOVE FOREACH ON LOAD CSV FROM HEADERS USE CYPHER EXPLAIN PROFILE SHORTESTPATH ' +
    'ALLSHORTESTPATHS ANY NONE SINGLE SHORTEST').split(' '),
);

interface State {
  inBlockComment: boolean;
}

const parser: StreamParser<State> = {
  name: 'cypher',
  startState: () => ({ inBlockComment: false }),
  token(stream, state) {
    if (state.inBlockComment) {
      if (stream.skipTo('*/')) { stream.next(); stream.next(); state.inBlockComment = false; } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//')) { stream.skipToEnd(); return 'comment'; }
    if (stream.match('/*')) { state.inBlockComment = true; return 'comment'; }
    const ch = stream.peek();
    if (ch === '"' || ch === "'") {
      stream.next();
      let escaped = false;
      for (let c = stream.next(); c !== undefined; c = stream.next()) {
        if (c === ch && !escaped) break;
        escaped = !escaped && c === '\\';
      }
      return 'string';
    }
    if (ch === '`') {
      stream.next();
      stream.skipTo('`') ? stream.next() : stream.skipToEnd();
      return 'variableName';
    }
    if (stream.match(/^\$[\p{L}\p{N}_]+/u)) return 'special';
    if (stream.match(/^:\s*[\p{L}_][\p{L}\p{N}_]*/u)) return 'typeName';
    if (stream.match(/^\d+(\.\d+)?/)) return 'number';
    if (stream.match(/^[\p{L}_][\p{L}\p{N}_]*/u)) {
      const word = stream.current();
      if (KEYWORDS.has(word.toUpperCase())) return 'keyword';
      return stream.peek() === '(' ? 'function' : 'variableName';
    }
    stream.next();
    return 'operator';
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
};

export const cypher = StreamLanguage.define(parser);
