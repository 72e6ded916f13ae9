// Corrections made by an editor before export (filled in below).
export class Corrections {
  constructor(doc, text) {
    this.base = doc;
    this.text = text;
    this.doc = structuredClone(doc);
    this.count = 0;
  }

  get changed() {
    return this.count > 0;
  }

  static attach() {}

  static renderTools() {}
}
