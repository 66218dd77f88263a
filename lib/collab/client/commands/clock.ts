/** The time a command stamps on what it writes; passed in so that tests and scripts choose it. */
export type Clock = () => Date;
