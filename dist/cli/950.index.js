export const id = 950;
export const ids = [950];
export const modules = {

/***/ 8315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);


/** Reads a file named on the command line; `-` is standard input. */
async function readInputFile(path, what) {
    if (path === '-') {
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    }
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `Cannot read the ${what} file ${path} (${error.code ?? 'error'}).`, {
            hint: 'Check the path; use - to read from standard input.',
        });
    }
}


/***/ }),

/***/ 6950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintTrustPolicy: () => (/* binding */ lintTrustPolicy)
});

// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var finding = __webpack_require__(5359);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
;// CONCATENATED MODULE: ./src/policy/lint/aws-trust-policy-lint.ts



/**
 * Lints an IAM trust policy that trusts an OIDC provider. It is read with a parser that keeps positions
 * and refuses nothing, so that duplicate keys (which IAM resolves by keeping one, silently dropping a
 * condition) are found rather than lost.
 */
function lintAwsTrustPolicy(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    if (document.errors.length > 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} is not valid JSON: ${document.errors[0].message.split('\n')[0]}`, {
            hint: 'Pass the trust policy document as IAM shows it (aws iam get-role --query Role.AssumeRolePolicyDocument).',
        });
    }
    const findings = duplicateKeys(document.contents, at);
    const data = document.toJS();
    const statements = Array.isArray(data?.Statement) ? data.Statement : data?.Statement ? [data.Statement] : [];
    statements.forEach((statement, index) => {
        if (statement.Effect !== 'Allow' || !isWebIdentity(statement))
            return;
        const name = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `Statement[${index}]`;
        findings.push(...lintStatement(statement, name));
    });
    return (0,finding/* sortFindings */.T)(findings);
}
function lintStatement(statement, name) {
    const findings = [];
    const add = (id, severity, message, fix) => {
        findings.push({ id, severity, rule: name, message, fix });
    };
    const conditions = Object.entries(statement.Condition ?? {});
    const keysOf = (operator) => Object.keys(statement.Condition?.[operator] ?? {});
    const subTests = conditions.filter(([, tests]) => Object.keys(tests).some((key) => key.endsWith(':sub')));
    if (subTests.length === 0) {
        add('no-sub-condition', 'error', 'The statement does not check the token’s `sub`: any repository that can get a token from this issuer may assume the role.', 'Add a StringEquals (or StringLike) condition on <issuer host>:sub, such as repo:OWNER/REPO:environment:production.');
    }
    for (const [operator, tests] of conditions) {
        if (/^ForAllValues:/i.test(operator)) {
            add('for-all-values', 'error', `${operator} holds when the claim is absent or misspelt, so it can allow any token.`, 'Use StringEquals or StringLike for single-valued claims.');
        }
        for (const [key, value] of Object.entries(tests)) {
            const values = (Array.isArray(value) ? value : [value]).map(String);
            const wildcard = values.filter((v) => v.includes('*') || v.includes('?'));
            if (/^(ForAnyValue:|ForAllValues:)?StringLike$/i.test(operator) && wildcard.length === 0) {
                add('string-like-without-wildcard', 'warning', `${operator} on ${key} has no wildcard: it works as StringEquals, and a later edit that adds one widens it silently.`, `Use StringEquals for ${key}.`);
            }
            for (const pattern of wildcard) {
                // A wildcard before the owner is written out lets any owner's repositories in.
                const severity = key.endsWith(':sub') && !/^repo:[A-Za-z0-9-]+\//.test(pattern) ? 'error' : 'warning';
                add('wildcard', severity, `${key} accepts "${pattern}"${severity === 'error' ? ', which does not pin an owner' : ''}.`, 'Spell out the subject (repo:OWNER/REPO:environment:NAME or :ref:refs/heads/BRANCH), or list the exact values.');
            }
        }
    }
    if (!keysOf('StringEquals').some((key) => key.endsWith(':aud'))) {
        add('no-aud-condition', 'warning', 'The statement does not pin the token’s `aud` with StringEquals.', 'Add StringEquals <issuer host>:aud = sts.amazonaws.com.');
    }
    return findings;
}
function isWebIdentity(statement) {
    const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
    return actions.some((action) => typeof action === 'string' && /^sts:(AssumeRoleWithWebIdentity|\*)$|^\*$/i.test(action));
}
/** Every mapping key that appears twice in its mapping, anywhere in the document. */
function duplicateKeys(node, at) {
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((item) => duplicateKeys(item, at));
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const findings = [];
    const seen = new Set();
    for (const pair of node.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
        if (seen.has(key)) {
            findings.push({
                id: 'duplicate-key',
                severity: 'error',
                rule: null,
                message: `The key ${JSON.stringify(key)} appears twice in one object; IAM keeps only one, silently dropping the other's conditions.`,
                fix: 'Merge the two into one key (a condition key may list several values).',
                location: at(pair.key.range?.[0] ?? 0),
            });
        }
        seen.add(key);
        findings.push(...duplicateKeys(pair.value, at));
    }
    return findings;
}

// EXTERNAL MODULE: ./src/cli/cli-output.ts
var cli_output = __webpack_require__(8116);
// EXTERNAL MODULE: ./src/cli/commands/input-files.ts
var input_files = __webpack_require__(8315);
;// CONCATENATED MODULE: ./src/cli/commands/lint-trust-policy.ts




/** `lint aws-trust-policy`: 0 without error findings, 1 with any, 2 on invalid input. */
function lintTrustPolicy(file, options) {
    return (0,cli_output/* runCommand */.d1)(options.format, () => cli_output/* Exit */.Jc.Usage, async () => {
        const findings = lintAwsTrustPolicy(await (0,input_files/* readInputFile */.j)(file, 'trust policy'), file);
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ findings });
        else
            process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(finding/* formatFinding */.t).join('\n')}\n`);
        return findings.some((finding) => finding.severity === 'error') ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Ok;
    });
}


/***/ }),

/***/ 5359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ sortFindings),
/* harmony export */   t: () => (/* binding */ formatFinding)
/* harmony export */ });
const ORDER = { error: 0, warning: 1, note: 2 };
function sortFindings(findings) {
    return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.id.localeCompare(b.id));
}
function formatFinding(finding) {
    const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column}: ` : '';
    const about = finding.rule === null ? '' : ` [${finding.rule}]`;
    return `${where}${finding.severity} ${finding.id}${about}: ${finding.message}\n  fix: ${finding.fix}`;
}


/***/ })

};
