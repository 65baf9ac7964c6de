// The fake secrets planted in test/fixtures/scan, and pieces of them: no output of a scan may hold any.
export const PLANTED_SECRETS = [
  'AKIAFAKEPLANTED00001',
  'plantedSecretKEYvalue/DoNotPrint00000001',
  'PLANTEDPRIVATEKEYBODYdoNotPrint',
  'PLANTEDPRIVATEKEYSECONDLINEdoNotPrint',
  'PLANTEDSERVICEACCOUNTKEYdoNotPrint',
  'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef',
  'BEGIN OPENSSH PRIVATE KEY',
  'BEGIN PRIVATE KEY',
];

/** The planted secrets that `output` holds, by index (never the value, in case the test's own output is kept). */
export function plantedIn(output: string): string[] {
  return PLANTED_SECRETS.flatMap((secret, index) => (output.includes(secret) ? [`planted secret #${index + 1}`] : []));
}
