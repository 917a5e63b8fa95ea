/** The doctor's public types live in shared/ so the UI can show a diagnosis it receives over the contract. */
export type * from '../../../shared/doctor';
