// Labels of the editor and the drop zone in the page's language: the server renders the page in
// French or English and says which in <html lang>.
const en = {
    toolbar: 'Formatting',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    indent: 'Increase indent',
    outdent: 'Decrease indent',
    link: 'Link',
    image: 'Image',
    video: 'Video',
    table: 'Table',
    undo: 'Undo',
    redo: 'Redo',
    tableTools: 'Table',
    addRow: 'Add row',
    addColumn: 'Add column',
    deleteRow: 'Delete row',
    deleteColumn: 'Delete column',
    deleteTable: 'Delete table',
    addRowShort: '+ Row',
    addColumnShort: '+ Column',
    deleteRowShort: '− Row',
    deleteColumnShort: '− Column',
    deleteTableShort: 'Delete table',
    ok: 'OK',
    cancel: 'Cancel',
    removeLink: 'Remove link',
    linkPrompt: 'Link address (https://…, mailto:…)',
    linkRefused: 'Only http, https and mailto addresses can be linked.',
    imageFromFile: 'Image from a file',
    imagePrompt: 'Image address (https://…)',
    imageUrlRefused: 'Only https image addresses are accepted.',
    imageTypeRefused: 'Only PNG, JPEG, GIF and WebP images are accepted.',
    imageSizeRefused: (max) => `Images are limited to ${max}.`,
    imageReadFailed: 'The image could not be read.',
    videoPrompt: 'YouTube or Vimeo address',
    videoRefused: 'Only YouTube and Vimeo videos can be embedded.',
    videoTitle: 'Video',
    dropHere: 'Drop files here or',
    browse: 'browse',
    filesChosen: (n) => (n === 0 ? 'No file chosen.' : n === 1 ? '1 file chosen.' : `${n} files chosen.`),
    removeFile: (name) => `Remove ${name}`,
    tooLarge: (max) => `Larger than ${max}: it will be refused.`,
    tooMany: (max) => `Over the limit of ${max} files: it will be refused.`,
    units: ['bytes', 'KB', 'MB', 'GB'],
};

const fr = {
    toolbar: 'Mise en forme',
    bold: 'Gras',
    italic: 'Italique',
    underline: 'Souligné',
    bulletList: 'Liste à puces',
    orderedList: 'Liste numérotée',
    indent: 'Augmenter le retrait',
    outdent: 'Diminuer le retrait',
    link: 'Lien',
    image: 'Image',
    video: 'Vidéo',
    table: 'Tableau',
    undo: 'Annuler',
    redo: 'Rétablir',
    tableTools: 'Tableau',
    addRow: 'Ajouter une ligne',
    addColumn: 'Ajouter une colonne',
    deleteRow: 'Supprimer la ligne',
    deleteColumn: 'Supprimer la colonne',
    deleteTable: 'Supprimer le tableau',
    addRowShort: '+ Ligne',
    addColumnShort: '+ Colonne',
    deleteRowShort: '− Ligne',
    deleteColumnShort: '− Colonne',
    deleteTableShort: 'Supprimer le tableau',
    ok: 'OK',
    cancel: 'Annuler',
    removeLink: 'Retirer le lien',
    linkPrompt: 'Adresse du lien (https://…, mailto:…)',
    linkRefused: 'Seules les adresses http, https et mailto peuvent être liées.',
    imageFromFile: 'Image depuis un fichier',
    imagePrompt: 'Adresse de l’image (https://…)',
    imageUrlRefused: 'Seules les adresses d’image en https sont acceptées.',
    imageTypeRefused: 'Seules les images PNG, JPEG, GIF et WebP sont acceptées.',
    imageSizeRefused: (max) => `Les images sont limitées à ${max}.`,
    imageReadFailed: 'L’image n’a pas pu être lue.',
    videoPrompt: 'Adresse YouTube ou Vimeo',
    videoRefused: 'Seules les vidéos YouTube et Vimeo peuvent être intégrées.',
    videoTitle: 'Vidéo',
    dropHere: 'Déposez vos fichiers ici ou',
    browse: 'parcourez',
    filesChosen: (n) => (n === 0 ? 'Aucun fichier choisi.' : n === 1 ? '1 fichier choisi.' : `${n} fichiers choisis.`),
    removeFile: (name) => `Retirer ${name}`,
    tooLarge: (max) => `Plus de ${max}\u00a0: il sera refusé.`,
    tooMany: (max) => `Au-delà de ${max} fichiers\u00a0: il sera refusé.`,
    units: ['octets', 'Ko', 'Mo', 'Go'],
};

export function pageLanguage() {
    return (document.documentElement.lang || '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function labels() {
    return pageLanguage() === 'fr' ? fr : en;
}

// Sizes as people read them in the page's language ("1.5 MB", "1,5 Mo").
export function formatSize(bytes) {
    const { units } = labels();
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    const format = new Intl.NumberFormat(pageLanguage(), { maximumFractionDigits: unit === 0 ? 0 : 1 });
    return `${format.format(value)} ${units[unit]}`;
}
