import { describe, it, expect } from 'vitest';
import { unified } from 'unified';
import uniorgParse from 'uniorg-parse';
import type { Headline, OrgData } from 'uniorg';
import { parserTodoKeywords, readTodoKeywords } from '../../../src/content/todos/read-todo-keywords.js';

describe('readTodoKeywords', () => {
  it('defaults to TODO | DONE when the file sets nothing', () => {
    expect(readTodoKeywords('* TODO x\n')).toEqual({ open: ['TODO'], done: ['DONE'], all: ['TODO', 'DONE'] });
  });

  it('splits open and done keywords at the bar', () => {
    expect(readTodoKeywords('#+TODO: TODO WAIT | DONE CANCELLED\n')).toEqual({
      open: ['TODO', 'WAIT'],
      done: ['DONE', 'CANCELLED'],
      all: ['TODO', 'WAIT', 'DONE', 'CANCELLED'],
    });
  });

  it('takes the last keyword as the done state without a bar', () => {
    expect(readTodoKeywords('#+TODO: FIX LATER OK')).toEqual({ open: ['FIX', 'LATER'], done: ['OK'], all: ['FIX', 'LATER', 'OK'] });
  });

  it('adds up #+SEQ_TODO and #+TYP_TODO lines in any case and drops fast-access keys', () => {
    const text = '#+seq_todo: TODO(t) WAIT(w@/!) | DONE(d!)\n#+TYP_TODO: Fred Sara | FINISHED\n';
    expect(readTodoKeywords(text)).toEqual({
      open: ['TODO', 'WAIT', 'Fred', 'Sara'],
      done: ['DONE', 'FINISHED'],
      all: ['TODO', 'WAIT', 'Fred', 'Sara', 'DONE', 'FINISHED'],
    });
  });

  it('ignores settings shown inside a block', () => {
    const text = '#+BEGIN_SRC org\n#+TODO: A | B\n#+END_SRC\n#+TODO: NEXT | GONE\n';
    expect(readTodoKeywords(text).all).toEqual(['NEXT', 'GONE']);
  });
});

describe('parserTodoKeywords', () => {
  const headlines = (text: string, todoKeywords: string[]): (string | null)[] => {
    const tree = unified().use(uniorgParse, { todoKeywords }).parse(text) as OrgData;
    return tree.children.map((section) => {
      const headline = (section as { children: unknown[] }).children[0] as Headline;
      return headline.todoKeyword;
    });
  };

  it('makes uniorg-parse take a keyword only as a whole word', () => {
    const text = '* TODOS are\n* WAITING room\n* WAIT here\n* TODO\n* C++ fix\n';
    const keywords = parserTodoKeywords(readTodoKeywords('#+TODO: TODO WAIT C++ | DONE'));
    expect(headlines(text, keywords)).toEqual([null, null, 'WAIT', 'TODO', 'C++']);
  });

  it('shows the uniorg-parse behaviour it works around: plain keywords match a word prefix', () => {
    expect(headlines('* TODOS are\n', ['TODO', 'DONE'])).toEqual(['TODO']);
  });

  it('matches no headline when there are no keywords at all', () => {
    expect(headlines('* Plain\n', parserTodoKeywords({ all: [] }))).toEqual([null]);
  });
});
