// The editor's document model: TipTap's starter kit, narrowed so that getHTML() only produces the
// tags and attributes the server's sanitizer keeps (see the allow-list in the docs), plus the
// product's indent and video nodes.
import { Extension, Node, mergeAttributes } from '@tiptap/core';
import { NodeSelection, Selection, TextSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { CodeBlock } from '@tiptap/extension-code-block';
import { Link } from '@tiptap/extension-link';
import { Image } from '@tiptap/extension-image';
import { Table, TableRow, TableHeader, TableCell } from '@tiptap/extension-table';
import { safeImageSource, safeLinkUrl, videoEmbedUrl } from './urls.js';

export const maxIndent = 6;
const linkRel = 'noopener noreferrer nofollow';

// Paragraphs and headings outside lists are indented by a class, never an inline style: the
// Content-Security-Policy forbids style attributes and the sanitizer drops them.
export const Indent = Extension.create({
    name: 'indent',
    addGlobalAttributes() {
        return [{
            types: ['paragraph', 'heading'],
            attributes: {
                indent: {
                    default: 0,
                    parseHTML: (element) => {
                        const match = /(?:^|\s)indent-([1-6])(?:\s|$)/.exec(element.getAttribute('class') || '');
                        return match ? Number(match[1]) : 0;
                    },
                    renderHTML: (attributes) => (attributes.indent > 0 ? { class: `indent-${Math.min(attributes.indent, maxIndent)}` } : {}),
                },
            },
        }];
    },
    addCommands() {
        return {
            // In a list the item moves a level down or up; elsewhere the blocks in the selection
            // shift by one step.
            indent: () => ({ editor, commands }) => (editor.isActive('listItem') ? commands.sinkListItem('listItem') : commands.shiftIndent(1)),
            outdent: () => ({ editor, commands }) => (editor.isActive('listItem') ? commands.liftListItem('listItem') : commands.shiftIndent(-1)),
            shiftIndent: (delta) => ({ state, tr, dispatch }) => {
                const { from, to } = state.selection;
                let changed = false;
                state.doc.nodesBetween(from, to, (node, pos) => {
                    if (node.type.name !== 'paragraph' && node.type.name !== 'heading') {
                        return true;
                    }
                    const indent = Math.max(0, Math.min(maxIndent, (node.attrs.indent || 0) + delta));
                    if (indent !== node.attrs.indent) {
                        if (dispatch) {
                            tr.setNodeMarkup(pos, undefined, { ...node.attrs, indent });
                        }
                        changed = true;
                    }
                    return false;
                });
                return changed;
            },
        };
    },
    addKeyboardShortcuts() {
        return {
            'Mod-]': () => this.editor.commands.indent(),
            'Mod-[': () => this.editor.commands.outdent(),
        };
    },
});

// After an image or a video is inserted TipTap leaves it selected, so the next insertion or key
// press would replace it; the cursor goes to the text after it instead (a new paragraph at the
// end of the message).
export const CursorAfterBlock = Extension.create({
    name: 'cursorAfterBlock',
    addCommands() {
        return {
            cursorAfterBlock: () => ({ tr, dispatch }) => {
                if (!(tr.selection instanceof NodeSelection) || !dispatch) {
                    return true;
                }
                const end = tr.selection.to;
                const next = Selection.findFrom(tr.doc.resolve(end), 1, true);
                if (next) {
                    tr.setSelection(next);
                } else {
                    tr.insert(end, tr.doc.type.schema.nodes.paragraph.create());
                    tr.setSelection(TextSelection.create(tr.doc, end + 1));
                }
                return true;
            },
        };
    },
});

// A YouTube or Vimeo player. Whatever the source HTML said, the frame is rebuilt from the video's
// id so only the two player addresses ever reach the page.
export const Video = Node.create({
    name: 'video',
    group: 'block',
    atom: true,
    draggable: true,
    addOptions() {
        return { title: 'Video' };
    },
    addAttributes() {
        return { src: { default: null, parseHTML: (element) => videoEmbedUrl(element.getAttribute('src')) } };
    },
    parseHTML() {
        return [{ tag: 'iframe[src]', getAttrs: (element) => (videoEmbedUrl(element.getAttribute('src')) ? null : false) }];
    },
    renderHTML({ HTMLAttributes }) {
        return ['div', { class: 'rich-video' }, ['iframe', {
            src: HTMLAttributes.src,
            title: this.options.title,
            allowfullscreen: 'true',
            loading: 'lazy',
            // The site sends Referrer-Policy: same-origin; the players refuse to play without
            // knowing which site embeds them.
            referrerpolicy: 'strict-origin-when-cross-origin',
        }]];
    },
    addCommands() {
        return {
            setVideo: (src) => ({ commands }) => {
                const embed = videoEmbedUrl(src);
                return embed ? commands.insertContent({ type: this.name, attrs: { src: embed } }) : false;
            },
        };
    },
});

// Links always open in a new tab without handing the product's page to the target, and only
// reach web pages or mail addresses.
const SafeLink = Link.extend({
    addAttributes() {
        return {
            href: { default: null, parseHTML: (element) => element.getAttribute('href') },
            target: { default: '_blank', parseHTML: () => '_blank' },
            rel: { default: linkRel, parseHTML: () => linkRel },
        };
    },
    parseHTML() {
        return [{ tag: 'a[href]', getAttrs: (element) => (safeLinkUrl(element.getAttribute('href')) ? null : false) }];
    },
}).configure({
    openOnClick: false,
    defaultProtocol: 'https',
    // Typed addresses ("www.example.org") are checked before TipTap adds their scheme; the link
    // itself is then stored with it, so stored links are always absolute.
    isAllowedUri: (url) => safeLinkUrl(url) !== null || (!/^[a-z][a-z0-9+.-]*:/i.test(url) && safeLinkUrl(`https://${url}`) !== null),
});

const SafeImage = Image.extend({
    addAttributes() {
        return { src: { default: null }, alt: { default: null } };
    },
    parseHTML() {
        return [{ tag: 'img[src]', getAttrs: (element) => (safeImageSource(element.getAttribute('src')) ? null : false) }];
    },
}).configure({ allowBase64: true });

// The code block keeps its text but not the language class a pasted snippet may carry.
const PlainCodeBlock = CodeBlock.extend({
    addAttributes() {
        return {};
    },
});

// Tables are written without the widths TipTap stores in style attributes (the editor shows them
// through its own view, which sets them from script and so passes the CSP).
const PlainTable = Table.extend({
    renderHTML({ HTMLAttributes }) {
        const { style, ...attributes } = HTMLAttributes;
        return ['table', mergeAttributes(this.options.HTMLAttributes, attributes), ['tbody', 0]];
    },
});

const plainCellAttributes = {
    colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
    align: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
};
const PlainTableHeader = TableHeader.extend({
    addAttributes() {
        return { ...this.parent?.(), ...plainCellAttributes };
    },
});
const PlainTableCell = TableCell.extend({
    addAttributes() {
        return { ...this.parent?.(), ...plainCellAttributes };
    },
});

export function extensions({ videoTitle }) {
    return [
        StarterKit.configure({
            heading: { levels: [2, 3, 4] },
            horizontalRule: false,
            codeBlock: false,
            link: false,
        }),
        PlainCodeBlock,
        SafeLink,
        SafeImage,
        PlainTable.configure({ resizable: false }),
        TableRow,
        PlainTableHeader,
        PlainTableCell,
        Indent,
        CursorAfterBlock,
        Video.configure({ title: videoTitle }),
    ];
}
