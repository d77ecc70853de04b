// Images picked, pasted or dropped into a message are embedded as data: URIs, within the same
// types and size the server accepts.
import { formatSize } from './i18n.js';
import { imageTypes, maxImageBytes } from './urls.js';

// Resolves with the data: URI, or rejects with the message to show the author.
export function readImage(file, t) {
    if (!imageTypes.includes(file.type)) {
        return Promise.reject(new Error(t.imageTypeRefused));
    }
    if (file.size > maxImageBytes) {
        return Promise.reject(new Error(t.imageSizeRefused(formatSize(maxImageBytes))));
    }
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.addEventListener('load', () => resolve(reader.result));
        reader.addEventListener('error', () => reject(new Error(t.imageReadFailed)));
        reader.readAsDataURL(file);
    });
}

export function filesOf(dataTransfer) {
    return dataTransfer ? Array.from(dataTransfer.files || []) : [];
}

export function imagePicker() {
    // No name: the picked file goes into the message as an image, never as an attachment.
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = imageTypes.join(',');
    input.hidden = true;
    input.tabIndex = -1;
    return input;
}
