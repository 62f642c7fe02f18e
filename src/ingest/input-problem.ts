/** Why an article given to /tambah is refused, in words for the admin who gave it. */
export class InputProblem extends Error {
  override name = "InputProblem";
}
